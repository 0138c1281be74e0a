using System.Diagnostics;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Sqlite.Tests.Approvals.People;

namespace Gatehouse.Storage.Sqlite.Tests.Approvals;

public sealed class ApprovalWaitTests : TwoInstances
{
    [Fact]
    public async Task Wait_ApprovedThroughAnotherInstance_ReturnsApprovedWellBeforeTheWaitEnds()
    {
        var waiter = new SqliteApprovalStore(First, TimeProvider.System);
        var reviewer = new SqliteApprovalStore(Second, TimeProvider.System);
        var id = (await waiter.CreateAsync(Draft(), Token)).Value!.Id;
        var clock = Stopwatch.StartNew();

        var waiting = waiter.WaitForResolutionAsync(id, TimeSpan.FromSeconds(30), Token);
        await Task.Delay(300, Token);
        Assert.False(waiting.IsCompleted);
        await reviewer.ReviewAsync(id, Bob, ReviewDecision.Approve, "ok", Token);
        var resolved = await waiting;

        Assert.Equal(ReviewState.Approved, resolved.State);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Wait_RejectedInTheSameInstance_WakesWithoutAnyPollElapsing()
    {
        // The clock never moves, so no poll delay can end: only the in-process notification can wake the waiter.
        var store = new SqliteApprovalStore(First, new FakeTimeProvider(Start));
        var id = (await store.CreateAsync(Draft(), Token)).Value!.Id;
        var waiting = store.WaitForResolutionAsync(id, TimeSpan.FromSeconds(30), Token);
        await Task.Delay(200, Token);
        Assert.False(waiting.IsCompleted);

        await store.ReviewAsync(id, Bob, ReviewDecision.Reject, "no", Token);
        var resolved = await waiting.WaitAsync(TimeSpan.FromSeconds(10), Token);

        Assert.Equal(ReviewState.Rejected, resolved.State);
    }

    [Fact]
    public async Task Wait_NobodyReviews_ReturnsPendingWhenTheWaitEnds()
    {
        var store = new SqliteApprovalStore(First, TimeProvider.System);
        var id = (await store.CreateAsync(Draft(), Token)).Value!.Id;
        var clock = Stopwatch.StartNew();

        var result = await store.WaitForResolutionAsync(id, TimeSpan.FromMilliseconds(400), Token);

        Assert.Equal(ReviewState.Pending, result.State);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(380), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Wait_UnknownId_Throws()
    {
        var store = new SqliteApprovalStore(First, TimeProvider.System);

        await Assert.ThrowsAsync<KeyNotFoundException>(() => store.WaitForResolutionAsync("apr_missing", TimeSpan.FromSeconds(1), Token));
    }
}
