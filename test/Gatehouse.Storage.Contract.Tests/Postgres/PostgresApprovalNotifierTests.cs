using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres.Approvals;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;
using static Gatehouse.Storage.Contract.Tests.Approvals.People;

namespace Gatehouse.Storage.Contract.Tests.Postgres;

/// <summary>
/// LISTEN/NOTIFY between replicas: two stores on one database (two connection pools), each with its own notifier,
/// stand for two gateway processes. The clock never moves, so no poll can end: only a notification can wake a waiter.
/// </summary>
public sealed class PostgresApprovalNotifierTests : IAsyncDisposable
{
    private readonly FakeTimeProvider _time = new(Start);
    private readonly List<PostgresApprovalNotifier> _notifiers = [];
    private PostgresProvider? _provider;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private PostgresProvider Provider => _provider ??= new PostgresProvider();

    [Fact]
    public async Task Wait_ApprovedThroughAnotherReplica_WakesByNotificationWithoutAnyPoll()
    {
        var timers = new TimerWatch(_time, _time.Advance);
        var (waiter, reviewer) = (await ReplicaAsync(timers), await ReplicaAsync(timers));
        var id = (await waiter.CreateAsync(Draft(), Token)).Value!.Id;

        var waiting = waiter.WaitForResolutionAsync(id, TimeSpan.FromSeconds(30), Token);
        await timers.UntilArmedAsync("the waiter to sleep until its next poll");
        Assert.False(waiting.IsCompleted);
        await reviewer.ReviewAsync(id, Bob, ReviewDecision.Approve, "ok", Token);
        var resolved = await waiting.WaitAsync(Eventually.DefaultTimeout, Token);

        Assert.Equal(ReviewState.Approved, resolved.State);
        Assert.Equal(Start, _time.GetUtcNow());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var notifier in _notifiers)
        {
            await notifier.DisposeAsync();
        }

        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }

    private async Task<IApprovalStore> ReplicaAsync(TimeProvider time)
    {
        var store = (Gatehouse.Storage.Postgres.PostgresStore)await Provider.OpenAsync(Token);
        var notifier = new PostgresApprovalNotifier(store, time);
        _notifiers.Add(notifier);
        await notifier.Listening.WaitAsync(Eventually.DefaultTimeout, Token);
        return new PostgresApprovalStore(store, time, notifier);
    }
}
