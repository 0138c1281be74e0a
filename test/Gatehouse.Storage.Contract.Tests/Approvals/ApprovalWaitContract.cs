using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>Waiting for a decision with the default (polling) notifier, on every provider.</summary>
public abstract class ApprovalWaitContract : ProviderTest
{
    [Fact]
    public async Task Wait_ApprovedThroughAnotherInstance_ReturnsApprovedWellBeforeTheWaitEnds()
    {
        var time = new FakeTimeProvider(Start);
        var timers = new TimerWatch(time, time.Advance);
        var waiter = Provider.Approvals(await Provider.OpenAsync(Token), timers);
        var reviewer = Provider.Approvals(await Provider.OpenAsync(Token), timers);
        var id = (await waiter.CreateAsync(Draft(), Token)).Value!.Id;

        var waiting = waiter.WaitForResolutionAsync(id, TimeSpan.FromSeconds(30), Token);
        await timers.UntilArmedAsync("the waiter to sleep until its next poll");

        // Another instance's review sends no in-process signal, and the clock moves only when the test moves it.
        Assert.False(waiting.IsCompleted);
        await reviewer.ReviewAsync(id, Bob, ReviewDecision.Approve, "ok", Token);
        await timers.AdvanceUntilAsync(() => waiting.IsCompleted, "the waiter to return");
        var resolved = await waiting;

        Assert.Equal(ReviewState.Approved, resolved.State);
        Assert.True(time.GetUtcNow() - Start <= PollingApprovalNotifier.LongestDelay, $"woke {time.GetUtcNow() - Start} into a 30 s wait");
    }

    [Fact]
    public async Task Wait_RejectedInTheSameInstance_WakesWithoutAnyPollElapsing()
    {
        // The clock never moves, so no poll delay can end: only the in-process notification can wake the waiter.
        var time = new FakeTimeProvider(Start);
        var timers = new TimerWatch(time, time.Advance);
        var store = Provider.Approvals(await Provider.OpenAsync(Token), timers);
        var id = (await store.CreateAsync(Draft(), Token)).Value!.Id;
        var waiting = store.WaitForResolutionAsync(id, TimeSpan.FromSeconds(30), Token);
        await timers.UntilArmedAsync("the waiter to sleep until its next poll");
        Assert.False(waiting.IsCompleted);

        await store.ReviewAsync(id, Bob, ReviewDecision.Reject, "no", Token);
        var resolved = await waiting.WaitAsync(Eventually.DefaultTimeout, Token);

        Assert.Equal(ReviewState.Rejected, resolved.State);
    }

    [Fact]
    public async Task Wait_NobodyReviews_ReturnsPendingWhenTheWaitEnds()
    {
        var time = new FakeTimeProvider(Start);
        var timers = new TimerWatch(time, time.Advance);
        var store = Provider.Approvals(await Provider.OpenAsync(Token), timers);
        var id = (await store.CreateAsync(Draft(), Token)).Value!.Id;

        var waiting = store.WaitForResolutionAsync(id, TimeSpan.FromMilliseconds(400), Token);
        await timers.AdvanceUntilAsync(() => waiting.IsCompleted, "the wait to end");
        var result = await waiting;

        // Polls at 100, 300 and 700 ms, the last cut to the wait's end: it returns exactly when the wait ends.
        Assert.Equal(ReviewState.Pending, result.State);
        Assert.Equal(TimeSpan.FromMilliseconds(400), time.GetUtcNow() - Start);
    }

    [Fact]
    public async Task Wait_UnknownId_Throws()
    {
        var store = Provider.Approvals(await Provider.OpenAsync(Token), TimeProvider.System);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.WaitForResolutionAsync("apr_missing", TimeSpan.FromSeconds(1), Token));
    }
}
