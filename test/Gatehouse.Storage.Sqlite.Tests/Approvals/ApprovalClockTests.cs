using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Approvals;

/// <summary>Waiting runs on the injected clock: backoff delays and the request's own timeout.</summary>
public sealed class ApprovalClockTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PollingSubscription_BacksOffFrom100MsDoublingTo1s()
    {
        var time = new FakeTimeProvider(Start);
        using var subscription = new PollingApprovalNotifier(time).Subscribe("apr_x");

        foreach (var expected in new[] { 100, 200, 400, 800, 1000, 1000 })
        {
            var waiting = subscription.WaitAsync(TimeSpan.FromMinutes(1), Token);
            time.Advance(TimeSpan.FromMilliseconds(expected - 1));
            Assert.False(waiting.IsCompleted, $"woke before {expected} ms");
            time.Advance(TimeSpan.FromMilliseconds(1));
            await waiting.WaitAsync(Eventually.DefaultTimeout, Token);
        }
    }

    [Fact]
    public async Task PollingSubscription_NotifiedInProcess_WakesBeforeTheDelay()
    {
        var time = new FakeTimeProvider(Start);
        var notifier = new PollingApprovalNotifier(time);
        using var subscription = notifier.Subscribe("apr_x");

        var waiting = subscription.WaitAsync(TimeSpan.FromMinutes(1), Token);
        Assert.False(waiting.IsCompleted);
        await notifier.NotifyAsync("apr_x", Token);

        await waiting.WaitAsync(Eventually.DefaultTimeout, Token);
    }

    [Fact]
    public async Task Wait_RequestTimesOutDuringTheWait_ReturnsTimedOut()
    {
        using var database = new TempDatabase();
        var time = new FakeTimeProvider(Start);
        var timers = new TimerWatch(time, time.Advance);
        await using var store = database.Open();
        var approvals = new SqliteApprovalStore(store, timers);
        var id = (await approvals.CreateAsync(Draft() with { Timeout = TimeSpan.FromMinutes(1) }, Token)).Value!.Id;

        var waiting = approvals.WaitForResolutionAsync(id, TimeSpan.FromMinutes(10), Token);

        // Moved before the waiter armed its poll, the clock would leave that poll a minute away, never reached.
        await timers.UntilArmedAsync("the waiter to sleep until its next poll");
        time.Advance(TimeSpan.FromMinutes(1));
        var result = await waiting.WaitAsync(Eventually.DefaultTimeout, Token);

        Assert.Equal((ReviewState.TimedOut, Start.AddMinutes(1)), (result.State, result.ResolvedAt!.Value));
    }
}
