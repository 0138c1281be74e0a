using Gatehouse.Gateway.Approvals;
using Gatehouse.Storage;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Queues a notice when an item of one kind is opened (<c>*.requested</c>) and when it reaches a terminal state
/// (<c>*.resolved</c>: approved, rejected, timed out, withdrawn by its requester or, for access, revoked). The item is
/// read from its store by the sender, off the path of the call that changed it; if the store is down the notice
/// still goes out with what the event carries.
/// </summary>
/// <remarks>
/// Only the kind's store and its details differ between kinds; which changes are notified, and the reviewer named,
/// are decided here once. A review that resolves nothing (one approval of two needed) sends nothing; neither does an
/// approval or access reaching its end, since nothing changes in the store then.
/// </remarks>
/// <typeparam name="T">The stored item.</typeparam>
internal abstract class ReviewWebhooks<T>(WebhookDispatcher dispatcher, ReviewLinks links, ReviewNoticeKind kind) : IApprovalEvents
    where T : class, IReviewable
{
    public void Recorded(ReviewEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Target == kind.Target && ReviewNoticeKind.StateOf(change.Kind) is { } state)
        {
            var eventName = state == "pending" ? kind.RequestedEvent : kind.ResolvedEvent;
            dispatcher.TryEnqueue(new QueuedNotice(eventName, cancellationToken => ResolveAsync(change, eventName, state, cancellationToken)));
        }
    }

    /// <summary>Reads the item; throws <see cref="StoreUnavailableException"/> when the store is down.</summary>
    protected abstract Task<T?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Gets what the kind adds to the notice, from the event and the item (null when the store is down).</summary>
    protected abstract IReadOnlyList<ReviewDetail> DetailsOf(ReviewEvent change, T? item);

    /// <summary>Gets when an approved item's access ends; the default, none.</summary>
    protected virtual DateTimeOffset? EndsAtOf(T item) => null;

    private async ValueTask<Notice> ResolveAsync(ReviewEvent change, string eventName, string state, CancellationToken cancellationToken)
    {
        T? item;
        try
        {
            item = await FindAsync(change.Id, cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            // The store is down: the notice still goes out with what the event itself carries.
            item = null;
        }

        var deciding = state is "approved" or "rejected" ? item?.Reviews.LastOrDefault() : null;
        return new ReviewNotice(eventName, change.At)
        {
            Kind = kind,
            Id = change.Id,
            State = state,
            Requester = item?.Requester.Email ?? change.Requester,
            Connection = change.Connection,
            Details = DetailsOf(change, item),
            EndsAt = state == "approved" && item is not null ? EndsAtOf(item) : null,
            Reviewer = deciding?.DisplayName ?? (state is "cancelled" or "revoked" ? change.Reviewer : null),
            ReviewJustification = deciding?.Justification,
            Links = links.For(kind, change.Id),
        };
    }
}
