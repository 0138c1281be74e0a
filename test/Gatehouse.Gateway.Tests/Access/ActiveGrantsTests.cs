using Gatehouse.Gateway.Access;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Access;

public sealed class ActiveGrantsTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly CountingGrantStore _store = new();
    private readonly ActiveGrants _grants;

    public ActiveGrantsTests() => _grants = new ActiveGrants(_store, _time, NullLogger<ActiveGrants>.Instance);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task For_WithinFreshness_ReadsTheStoreOnce_ThenAgain()
    {
        _store.Active.Add(new ActiveGrant("prod", Start.AddHours(1)));

        Assert.Equal(["prod"], await _grants.ForAsync("alice", Token));
        _time.Advance(ActiveGrants.Freshness - TimeSpan.FromTicks(1));
        Assert.Equal(["prod"], await _grants.ForAsync("alice", Token));
        Assert.Equal(1, _store.Reads);

        _store.Active.Clear();
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.Empty(await _grants.ForAsync("alice", Token));
        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task For_CachedGrant_StopsCountingExactlyAtItsEnd()
    {
        _store.Active.Add(new ActiveGrant("prod", Start.AddSeconds(1)));
        _store.Active.Add(new ActiveGrant("staging", Start.AddHours(1)));
        Assert.Equal(["prod", "staging"], await _grants.ForAsync("alice", Token));

        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(["staging"], await _grants.ForAsync("alice", Token));
        Assert.Equal(1, _store.Reads);
    }

    [Fact]
    public async Task Forget_AfterARevocation_TheNextCallReadsTheStore()
    {
        _store.Active.Add(new ActiveGrant("prod", Start.AddHours(1)));
        await _grants.ForAsync("alice", Token);
        _store.Active.Clear();

        _grants.Forget("alice");

        Assert.Empty(await _grants.ForAsync("alice", Token));
        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task For_StoreDown_GrantsNothingAndCachesNothing()
    {
        _store.Active.Add(new ActiveGrant("prod", Start.AddHours(1)));
        _store.Down = true;

        Assert.Empty(await _grants.ForAsync("alice", Token));
        _store.Down = false;
        Assert.Equal(["prod"], await _grants.ForAsync("alice", Token));
    }
}
