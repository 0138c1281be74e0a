using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Gateway.Tests.Exchanges;

public sealed class OutcomeAppendsTests
{
    [Fact]
    public void TryReserve_UpToCapacity_ThenRefusesWithoutWaiting()
    {
        var appends = new OutcomeAppends(2);

        Assert.True(appends.TryReserve());
        Assert.True(appends.TryReserve());
        Assert.False(appends.TryReserve());
        Assert.Equal(2, appends.Pending);
        Assert.Equal(0, appends.Waiting);
    }

    [Fact]
    public async Task ReserveAsync_AtCapacity_WaitsCountedAsPending_UntilASlotIsReleased()
    {
        var appends = new OutcomeAppends(1);
        Assert.True(appends.TryReserve());

        var waiting = appends.ReserveAsync();

        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, appends.Waiting);
        Assert.Equal(2, appends.Pending);
        appends.Release();
        await waiting;
        Assert.Equal(0, appends.Waiting);
        Assert.Equal(1, appends.Pending);
    }

    [Fact]
    public async Task DrainAsync_CompletesOnlyOnceEveryAppendAndEveryWaiterHasReleased()
    {
        var appends = new OutcomeAppends(1);
        Assert.True(appends.TryReserve());
        var waiter = appends.ReserveAsync();

        var drained = appends.DrainAsync(TestContext.Current.CancellationToken);

        Assert.False(drained.IsCompleted);
        appends.Release();
        await waiter;
        Assert.False(drained.IsCompleted);
        appends.Release();
        await drained;
        Assert.Equal(0, appends.Pending);
    }

    [Fact]
    public async Task DrainAsync_NothingPending_CompletesAtOnce_AndAgainAfterLaterAppends()
    {
        var appends = new OutcomeAppends(4);
        await appends.DrainAsync(TestContext.Current.CancellationToken);

        Assert.True(appends.TryReserve());
        var drained = appends.DrainAsync(TestContext.Current.CancellationToken);
        Assert.False(drained.IsCompleted);
        appends.Release();
        await drained;
    }

    [Fact]
    public async Task DrainAsync_Cancelled_ThrowsAndLeavesTheAppendsPending()
    {
        var appends = new OutcomeAppends(1);
        Assert.True(appends.TryReserve());
        using var cancel = new CancellationTokenSource();

        var drained = appends.DrainAsync(cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drained);
        Assert.Equal(1, appends.Pending);
    }
}
