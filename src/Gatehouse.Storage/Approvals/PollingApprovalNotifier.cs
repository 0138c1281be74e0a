using System.Collections.Concurrent;

namespace Gatehouse.Storage.Approvals;

/// <summary>The default notifier: waiters poll with backoff (100 ms doubling to 1 s); changes made in this process wake them at once.</summary>
/// <remarks>
/// Another process's change is seen at the next poll, which is what makes this work across gateway instances sharing
/// one SQLite file. Delays go through the injected <see cref="TimeProvider"/>.
/// </remarks>
public sealed class PollingApprovalNotifier : IApprovalNotifier
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _signals = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance polling through <paramref name="timeProvider"/>.</summary>
    public PollingApprovalNotifier(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        TimeProvider = timeProvider;
    }

    /// <summary>Gets the first poll delay: 100 ms.</summary>
    public static TimeSpan FirstDelay { get; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Gets the longest poll delay: 1 s.</summary>
    public static TimeSpan LongestDelay { get; } = TimeSpan.FromSeconds(1);

    internal TimeProvider TimeProvider { get; }

    /// <inheritdoc />
    public IApprovalSubscription Subscribe(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new PollingSubscription(this, id);
    }

    /// <inheritdoc />
    public ValueTask NotifyAsync(string id, CancellationToken cancellationToken)
    {
        if (_signals.TryRemove(id, out var signal))
        {
            signal.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }

    internal Task SignalOf(string id) =>
        _signals.GetOrAdd(id, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    // A waiter that finds its signal gone falls back to polling; the map never outgrows the ids being waited on.
    internal void Forget(string id) => _signals.TryRemove(id, out _);
}
