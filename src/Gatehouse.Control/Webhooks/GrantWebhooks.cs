using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Webhooks;
using Gatehouse.Policy.Durations;
using Gatehouse.Storage;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Queues <c>grant.requested</c> when an access request is opened and <c>grant.resolved</c> when it is approved,
/// rejected, times out, is withdrawn by its requester or revoked. Details are read from the store by the sender, off the
/// path of the call that changed the grant.
/// </summary>
/// <remarks>
/// Approved access that reaches its end sends nothing: nothing changes in the store then, and <c>endsAt</c> of the
/// approval's notice already says when it ends.
/// </remarks>
internal sealed class GrantWebhooks(WebhookDispatcher dispatcher, IGrantStore store) : IApprovalEvents
{
    public void Recorded(ReviewEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (eventName, state) = change.Kind switch
        {
            ReviewEventKind.Requested => (WebhookEvents.GrantRequested, "pending"),
            ReviewEventKind.Approved => (WebhookEvents.GrantResolved, "approved"),
            ReviewEventKind.Rejected => (WebhookEvents.GrantResolved, "rejected"),
            ReviewEventKind.TimedOut => (WebhookEvents.GrantResolved, "timed_out"),
            ReviewEventKind.Cancelled => (WebhookEvents.GrantResolved, "cancelled"),
            ReviewEventKind.Revoked => (WebhookEvents.GrantResolved, "revoked"),
            _ => (null, null),
        };
        if (change.Target == ReviewTarget.Grant && eventName is not null)
        {
            dispatcher.TryEnqueue(new QueuedNotice(eventName, cancellationToken => ResolveAsync(change, eventName, state!, cancellationToken)));
        }
    }

    private async ValueTask<Notice> ResolveAsync(ReviewEvent change, string eventName, string state, CancellationToken cancellationToken)
    {
        AccessGrant? grant;
        try
        {
            grant = await store.GetAsync(change.Id, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // The store is down: the notice still goes out with what the event itself carries.
            grant = null;
        }

        var deciding = state is "approved" or "rejected" ? grant?.Reviews.LastOrDefault() : null;
        return new GrantNotice(eventName, change.At)
        {
            GrantId = change.Id,
            State = state,
            Requester = grant?.Requester.Email ?? change.Requester,
            Connection = change.Connection,
            Duration = grant is null ? null : DurationGrammar.Format(grant.Duration),
            Reason = grant?.Reason,
            EndsAt = state == "approved" ? grant?.EndsAt : null,
            Reviewer = deciding?.DisplayName ?? (state is "cancelled" or "revoked" ? change.Reviewer : null),
            ReviewJustification = deciding?.Justification,
        };
    }
}
