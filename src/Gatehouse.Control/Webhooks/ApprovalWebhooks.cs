using Gatehouse.Gateway.Approvals;
using Gatehouse.Storage;
using Gatehouse.Storage.Approvals;
using Gatehouse.Gateway.Webhooks;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Queues <c>approval.requested</c> when a request is opened and <c>approval.resolved</c> when it is approved,
/// rejected, times out or is withdrawn by its requester. The rule, justification and digest are read from the store by the sender, off the data path.
/// </summary>
internal sealed class ApprovalWebhooks(WebhookDispatcher dispatcher, IApprovalStore store) : IApprovalEvents
{
    public void Recorded(ReviewEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (eventName, state) = change.Kind switch
        {
            ReviewEventKind.Requested => (WebhookEvents.ApprovalRequested, "pending"),
            ReviewEventKind.Approved => (WebhookEvents.ApprovalResolved, "approved"),
            ReviewEventKind.Rejected => (WebhookEvents.ApprovalResolved, "rejected"),
            ReviewEventKind.TimedOut => (WebhookEvents.ApprovalResolved, "timed_out"),
            ReviewEventKind.Cancelled => (WebhookEvents.ApprovalResolved, "cancelled"),
            _ => (null, null),
        };
        if (change.Target == ReviewTarget.Approval && eventName is not null)
        {
            dispatcher.TryEnqueue(new QueuedNotice(eventName, cancellationToken => ResolveAsync(change, eventName, state!, cancellationToken)));
        }
    }

    private async ValueTask<Notice> ResolveAsync(ReviewEvent change, string eventName, string state, CancellationToken cancellationToken)
    {
        ApprovalRequest? request;
        try
        {
            request = await store.GetAsync(change.Id, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // The store is down: the notice still goes out with what the event itself carries.
            request = null;
        }

        var deciding = state is "approved" or "rejected" ? request?.Reviews.LastOrDefault() : null;
        return new ApprovalNotice(eventName, change.At)
        {
            ApprovalId = change.Id,
            ExchangeId = change.ExchangeId,
            State = state,
            Requester = request?.Requester.Email ?? change.Requester,
            Connection = change.Connection,
            Rule = request?.RuleName,
            Justification = request?.Justification,
            ContentDigest = request?.ContentDigest,
            Reviewer = deciding?.DisplayName ?? (state == "cancelled" ? change.Reviewer : null),
            ReviewJustification = deciding?.Justification,
        };
    }
}
