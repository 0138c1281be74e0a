namespace Gatehouse.Storage.Approvals;

/// <summary>Wakes the waiters on an approval when it may have changed.</summary>
/// <remarks>
/// The polling default (<see cref="PollingApprovalNotifier"/>) works across processes on one SQLite file; the
/// PostgreSQL provider's notifier LISTENs for the changes other replicas NOTIFY (and polls as its fallback). The
/// waiting loop stays the same because it always re-reads the store after waking.
/// </remarks>
public interface IApprovalNotifier
{
    /// <summary>Starts watching <paramref name="id"/>; dispose the subscription to stop.</summary>
    IApprovalSubscription Subscribe(string id);

    /// <summary>Tells the watchers of <paramref name="id"/> that it changed.</summary>
    ValueTask NotifyAsync(string id, CancellationToken cancellationToken);
}
