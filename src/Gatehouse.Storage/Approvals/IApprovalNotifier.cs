namespace Gatehouse.Storage.Approvals;

/// <summary>Wakes the waiters on an approval when it may have changed.</summary>
/// <remarks>
/// The polling default (<see cref="PollingApprovalNotifier"/>) works across processes on one SQLite file; a
/// PostgreSQL store can LISTEN in <see cref="Subscribe"/> and NOTIFY in <see cref="NotifyAsync"/> instead, and the
/// waiting loop stays the same because it always re-reads the store after waking.
/// </remarks>
public interface IApprovalNotifier
{
    /// <summary>Starts watching <paramref name="id"/>; dispose the subscription to stop.</summary>
    IApprovalSubscription Subscribe(string id);

    /// <summary>Tells the watchers of <paramref name="id"/> that it changed.</summary>
    ValueTask NotifyAsync(string id, CancellationToken cancellationToken);
}
