using Gatehouse.Gateway.Leases;
using Gatehouse.Gateway.Reviews;
using Gatehouse.Storage;
using Gatehouse.Storage.Leases;
using Gatehouse.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Gatehouse.Control.Reviews;

namespace Gatehouse.Gateway.Tests.Reviews;

public sealed class ReviewSweeperTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Sweep_NoTickYet_SweepsNothing_ThenEveryKindOncePerInterval()
    {
        var time = new FakeTimeProvider(Start);
        var watch = new TimerWatch(time, time.Advance);
        var approvals = new RecordingSweep("approval", time);
        var grants = new RecordingSweep("grant", time);
        using var sweeper = new ReviewSweeper([approvals, grants], Held(time), watch, NullLogger<ReviewSweeper>.Instance);

        await sweeper.StartAsync(TestContext.Current.CancellationToken);
        await watch.UntilArmedAsync("the sweeper's timer");
        Assert.Empty(approvals.SweptAt);

        await TickAsync(watch, () => grants.SweptAt.Count == 1, "the first sweep");
        await TickAsync(watch, () => grants.SweptAt.Count == 2, "the second sweep");
        await sweeper.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal([Start + ReviewSweeper.Every, Start + (2 * ReviewSweeper.Every)], approvals.SweptAt.Take(2));
        Assert.Equal([Start + ReviewSweeper.Every, Start + (2 * ReviewSweeper.Every)], grants.SweptAt.Take(2));
    }

    [Fact]
    public async Task Sweep_OneKindsStoreDown_TheOtherKindIsSweptAndTheFirstIsRetriedNextTick()
    {
        var time = new FakeTimeProvider(Start);
        var watch = new TimerWatch(time, time.Advance);
        var approvals = new RecordingSweep("approval", time) { Outages = 1 };
        var grants = new RecordingSweep("grant", time);
        using var sweeper = new ReviewSweeper([approvals, grants], Held(time), watch, NullLogger<ReviewSweeper>.Instance);

        await sweeper.StartAsync(TestContext.Current.CancellationToken);
        await watch.UntilArmedAsync("the sweeper's timer");
        await TickAsync(watch, () => grants.SweptAt.Count == 1, "the first sweep");
        Assert.Empty(approvals.SweptAt);
        await TickAsync(watch, () => approvals.SweptAt.Count == 1, "the approvals store back");
        await sweeper.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Start + ReviewSweeper.Every, grants.SweptAt[0]);
        Assert.Equal(Start + (2 * ReviewSweeper.Every), approvals.SweptAt[0]);
    }

    [Fact]
    public async Task SweepOnce_StoreDown_DoesNotThrow_AnyOtherFailureDoes()
    {
        var time = new FakeTimeProvider(Start);
        var down = new RecordingSweep("approval", time) { Outages = 1 };
        var broken = new RecordingSweep("grant", time) { Broken = true };

        await new ReviewSweeper([down], Held(time), time, NullLogger<ReviewSweeper>.Instance).SweepOnceAsync(TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<InvalidOperationException>(
            () => new ReviewSweeper([broken], Held(time), time, NullLogger<ReviewSweeper>.Instance).SweepOnceAsync(TestContext.Current.CancellationToken));

        Assert.Empty(down.SweptAt);
    }

    [Fact]
    public async Task Sweep_LeaseHeldByAnotherReplica_TicksSweepNothing()
    {
        var time = new FakeTimeProvider(Start);
        var watch = new TimerWatch(time, time.Advance);
        var approvals = new RecordingSweep("approval", time);
        using var sweeper = new ReviewSweeper([approvals], new HeldLease(LeaseNames.ReviewSweep), watch, NullLogger<ReviewSweeper>.Instance);

        await sweeper.StartAsync(TestContext.Current.CancellationToken);
        await watch.UntilArmedAsync("the sweeper's timer");
        for (var tick = 0; tick < 3; tick++)
        {
            Assert.True(watch.AdvanceToNextTimer(ReviewSweeper.Every));
        }

        await sweeper.StopAsync(TestContext.Current.CancellationToken);

        Assert.Empty(approvals.SweptAt);
    }

    /// <summary>The sweep's lease, held by this process until long after the test.</summary>
    private static HeldLease Held(TimeProvider time)
    {
        var lease = new HeldLease(LeaseNames.ReviewSweep);
        lease.Take(new Lease(LeaseNames.ReviewSweep, "this-replica", 1, time.GetUtcNow() + TimeSpan.FromDays(365)));
        return lease;
    }

    // One tick at a time: the next is only due once the sweep of this one was seen, so no two ticks coalesce.
    private static async Task TickAsync(TimerWatch watch, Func<bool> swept, string what)
    {
        Assert.True(watch.AdvanceToNextTimer(ReviewSweeper.Every));
        await Eventually.UntilAsync(swept, what);
    }

    private sealed class RecordingSweep(string kind, TimeProvider time) : IReviewSweep
    {
        private readonly List<DateTimeOffset> _sweptAt = [];

        public string Kind => kind;

        public int Outages { get; set; }

        public bool Broken { get; init; }

        public IReadOnlyList<DateTimeOffset> SweptAt
        {
            get
            {
                lock (_sweptAt)
                {
                    return [.. _sweptAt];
                }
            }
        }

        public Task SweepAsync(CancellationToken cancellationToken)
        {
            if (Broken)
            {
                throw new InvalidOperationException("a bug, not an outage");
            }

            if (Outages > 0)
            {
                Outages--;
                throw new StoreUnavailableException("store is down");
            }

            lock (_sweptAt)
            {
                _sweptAt.Add(time.GetUtcNow());
            }

            return Task.CompletedTask;
        }
    }
}
