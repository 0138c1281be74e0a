namespace Gatehouse.Storage.Approvals;

/// <summary>The waiting loop every store shares: read, and while pending, sleep on the notifier until the wait ends.</summary>
public static class ApprovalWaiter
{
    /// <summary>Waits up to <paramref name="wait"/> for the request read by <paramref name="read"/> to leave pending.</summary>
    /// <exception cref="KeyNotFoundException">No request has this id.</exception>
    public static async Task<ApprovalRequest> WaitAsync(
        Func<CancellationToken, Task<ApprovalRequest?>> read,
        IApprovalNotifier notifier,
        TimeProvider timeProvider,
        string id,
        TimeSpan wait,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(notifier);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var deadline = timeProvider.GetUtcNow() + wait;
        using var subscription = notifier.Subscribe(id);
        while (true)
        {
            var current = await read(cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException("No approval request has the given id.");
            var remaining = deadline - timeProvider.GetUtcNow();
            if (current.State != ReviewState.Pending || remaining <= TimeSpan.Zero)
            {
                return current;
            }

            await subscription.WaitAsync(remaining, cancellationToken).ConfigureAwait(false);
        }
    }
}
