namespace Gatehouse.Testing;

/// <summary>
/// The clock a test hands to the code under test: it passes everything through to a fake clock and keeps track of
/// the timers that code has armed, so that the test moves fake time only while the code is waiting on one.
/// </summary>
/// <remarks>
/// Advancing a fake clock while real async work runs is a race: a step taken before the code armed its timer is lost
/// to that timer, and the code then waits for a step that never comes (or a count of steps runs out first). Moving the
/// clock to a timer the code has armed (<see cref="AdvanceToNextTimer"/>) moves time exactly as a real clock would.
/// A one-shot timer counts as armed from its creation until it fires or is disposed (a cancelled
/// <c>Task.Delay</c> disposes its timer).
/// </remarks>
/// <param name="clock">The fake clock, usually a <c>FakeTimeProvider</c>.</param>
/// <param name="advance">Moves <paramref name="clock"/> on, usually <c>FakeTimeProvider.Advance</c>.</param>
internal sealed class TimerWatch(TimeProvider clock, Action<TimeSpan> advance) : TimeProvider
{
    private readonly TimeProvider _clock = clock;
    private readonly Lock _gate = new();
    private readonly List<WatchedTimer> _armed = [];

    public override long TimestampFrequency => _clock.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _clock.LocalTimeZone;

    public override DateTimeOffset GetUtcNow() => _clock.GetUtcNow();

    public override long GetTimestamp() => _clock.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, callback, state);
        timer.Arm(dueTime, period);
        timer.Inner = _clock.CreateTimer(static t => ((WatchedTimer)t!).Fire(), timer, dueTime, period);
        return timer;
    }

    /// <summary>Returns how many timers are armed to fire within <paramref name="within"/> from now (any, if null).</summary>
    public int Armed(TimeSpan? within = null)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            return _armed.Count(t => within is null || t.DueAt - now <= within);
        }
    }

    /// <summary>Returns the time until the earliest timer armed within <paramref name="within"/>, or null if none is.</summary>
    public TimeSpan? NextDue(TimeSpan? within = null)
    {
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            var due = _armed.Select(t => t.DueAt - now).Where(d => within is null || d <= within).DefaultIfEmpty(TimeSpan.MaxValue).Min();
            return due == TimeSpan.MaxValue ? null : due < TimeSpan.Zero ? TimeSpan.Zero : due;
        }
    }

    /// <summary>Moves the clock to the earliest timer armed within <paramref name="within"/>; returns false (and moves nothing) if none is.</summary>
    public bool AdvanceToNextTimer(TimeSpan? within = null)
    {
        if (NextDue(within) is not { } due)
        {
            return false;
        }

        advance(due);
        return true;
    }

    /// <summary>Waits until <paramref name="count"/> timers are armed within <paramref name="within"/>: the code is asleep on the clock.</summary>
    public Task UntilArmedAsync(string what, TimeSpan? within = null, int count = 1)
        => Eventually.UntilAsync(() => Armed(within) >= count, what);

    /// <summary>
    /// Moves the clock from timer to timer (those armed within <paramref name="within"/>), each time the code is asleep
    /// on one, until <paramref name="done"/> holds; the real-time deadline of <see cref="Eventually"/> bounds the wait.
    /// </summary>
    public Task AdvanceUntilAsync(Func<bool> done, string what, TimeSpan? within = null)
        => Eventually.UntilAsync(
            () =>
            {
                if (done())
                {
                    return true;
                }

                AdvanceToNextTimer(within);
                return false;
            },
            what);

    private sealed class WatchedTimer(TimerWatch owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period;

        public ITimer Inner { get; set; } = null!;

        public DateTimeOffset DueAt { get; private set; }

        public void Arm(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._armed.Remove(this);
                if (dueTime != Timeout.InfiniteTimeSpan)
                {
                    DueAt = owner._clock.GetUtcNow() + dueTime;
                    _period = period;
                    owner._armed.Add(this);
                }
            }
        }

        public void Fire()
        {
            lock (owner._gate)
            {
                if (_period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero)
                {
                    owner._armed.Remove(this);
                }
                else
                {
                    DueAt += _period;
                }
            }

            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Arm(dueTime, period);
            return Inner.Change(dueTime, period);
        }

        public void Dispose()
        {
            Disarm();
            Inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Disarm();
            return Inner.DisposeAsync();
        }

        private void Disarm()
        {
            lock (owner._gate)
            {
                owner._armed.Remove(this);
            }
        }
    }
}
