namespace Gatehouse.Storage.Approvals;

/// <summary>One waiter's watch on one approval.</summary>
public interface IApprovalSubscription : IDisposable
{
    /// <summary>Completes when the approval may have changed, or after at most <paramref name="limit"/>.</summary>
    /// <remarks>Waking without a change is allowed: the caller re-reads the store.</remarks>
    Task WaitAsync(TimeSpan limit, CancellationToken cancellationToken);
}
