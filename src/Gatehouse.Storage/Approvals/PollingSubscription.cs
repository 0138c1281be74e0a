namespace Gatehouse.Storage.Approvals;

/// <summary>One waiter of <see cref="PollingApprovalNotifier"/>: its own backoff, woken early by an in-process change.</summary>
internal sealed class PollingSubscription : IApprovalSubscription
{
    private readonly PollingApprovalNotifier _notifier;
    private readonly string _id;
    private TimeSpan _delay = PollingApprovalNotifier.FirstDelay;

    // Armed before the waiter reads the request, and again on every wake: a change that lands between a read and the
    // wait after it still wakes that wait, instead of being left to the next poll.
    private Task _signal;

    public PollingSubscription(PollingApprovalNotifier notifier, string id)
    {
        _notifier = notifier;
        _id = id;
        _signal = notifier.SignalOf(id);
    }

    public async Task WaitAsync(TimeSpan limit, CancellationToken cancellationToken)
    {
        var delay = limit < _delay ? limit : _delay;
        _delay = TimeSpan.FromTicks(Math.Min(_delay.Ticks * 2, PollingApprovalNotifier.LongestDelay.Ticks));
        if (delay <= TimeSpan.Zero)
        {
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timer = Task.Delay(delay, _notifier.TimeProvider, stop.Token);
        await Task.WhenAny(timer, _signal).ConfigureAwait(false);
        _signal = _notifier.SignalOf(_id);
        await stop.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    public void Dispose() => _notifier.Forget(_id);
}
