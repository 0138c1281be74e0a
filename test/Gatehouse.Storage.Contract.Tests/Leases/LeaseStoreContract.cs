using Gatehouse.Audit.Checkpoints;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Leases;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Contract.Tests.Leases;

/// <summary>What every lease store must do: one holder at a time, expiry, takeover and a fencing token that only grows.</summary>
public abstract class LeaseStoreContract : ProviderTest
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(Start);

    [Fact]
    public async Task Acquire_Free_TakenWithTokenOne_AnotherHolderRefusedWhileInForce()
    {
        var leases = await OpenAsync();

        var held = await leases.AcquireAsync("job:export", "replica-a", Ttl, Token);
        _time.Advance(Ttl - TimeSpan.FromTicks(1));
        var refused = await leases.AcquireAsync("job:export", "replica-b", Ttl, Token);

        Assert.Equal(new Lease("job:export", "replica-a", 1, Start + Ttl), held);
        Assert.Null(refused);
        Assert.Equal(held, await leases.GetAsync("job:export", Token));
        Assert.Null(await leases.GetAsync("job:retention", Token));
    }

    [Fact]
    public async Task Renew_ByTheHolder_ExtendsAndKeepsTheToken()
    {
        var leases = await OpenAsync();
        var held = (await leases.AcquireAsync("job:export", "replica-a", Ttl, Token))!;

        _time.Advance(TimeSpan.FromSeconds(20));
        var renewed = await leases.RenewAsync(held, Ttl, Token);
        var again = await leases.AcquireAsync("job:export", "replica-a", Ttl, Token);

        Assert.Equal(held with { ExpiresAt = _time.GetUtcNow() + Ttl }, renewed);
        Assert.Equal(1, again!.Token);
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Null(await leases.AcquireAsync("job:export", "replica-b", Ttl, Token));
    }

    [Fact]
    public async Task Expired_TakenOverByAnother_TokenGrows_TheOldHolderCanNeitherRenewNorRelease()
    {
        var leases = await OpenAsync();
        var first = (await leases.AcquireAsync("job:export", "replica-a", Ttl, Token))!;

        _time.Advance(Ttl);
        var second = await leases.AcquireAsync("job:export", "replica-b", Ttl, Token);

        Assert.Equal(("replica-b", 2L), (second!.Holder, second.Token));
        Assert.Null(await leases.RenewAsync(first, Ttl, Token));
        Assert.False(await leases.ReleaseAsync(first, Token));
        Assert.Equal(second, await leases.GetAsync("job:export", Token));
    }

    [Fact]
    public async Task Expired_RetakenByTheSameHolder_IsANewHoldingWithALargerToken()
    {
        var leases = await OpenAsync();
        var first = (await leases.AcquireAsync("job:export", "replica-a", Ttl, Token))!;

        _time.Advance(Ttl + TimeSpan.FromSeconds(1));
        Assert.Null(await leases.RenewAsync(first, Ttl, Token));
        var again = await leases.AcquireAsync("job:export", "replica-a", Ttl, Token);

        Assert.Equal(2, again!.Token);
    }

    [Fact]
    public async Task Release_FreesItAtOnce_AndTheTokenNeverStartsOver()
    {
        var leases = await OpenAsync();
        var first = (await leases.AcquireAsync("job:export", "replica-a", Ttl, Token))!;

        Assert.True(await leases.ReleaseAsync(first, Token));
        var second = await leases.AcquireAsync("job:export", "replica-b", Ttl, Token);

        Assert.Equal(("replica-b", 2L), (second!.Holder, second.Token));
        Assert.False(await leases.ReleaseAsync(first, Token));
    }

    [Fact]
    public async Task Acquire_TwoInstancesAtOnce_ExactlyOneHolds()
    {
        var one = await OpenAsync();
        var two = await OpenAsync();
        for (var round = 0; round < 10; round++)
        {
            var name = "job:" + round.ToString(System.Globalization.CultureInfo.InvariantCulture);

            var results = await Task.WhenAll(
                Task.Run(() => one.AcquireAsync(name, "replica-a", Ttl, Token), Token),
                Task.Run(() => two.AcquireAsync(name, "replica-b", Ttl, Token), Token));

            var winner = Assert.Single(results, r => r is not null);
            Assert.Equal(winner, await one.GetAsync(name, Token));
        }
    }

    [Fact]
    public async Task FencedCheckpoint_StoredWhileHeld_RefusedAfterTakeover_AndNothingStoredThen()
    {
        var store = await Provider.OpenAsync(Token);
        var leases = Provider.Leases(store, _time);
        var (privatePem, _) = CheckpointKeys.Generate();
        using var signer = CheckpointSigner.FromPem(privatePem);
        var first = (await leases.AcquireAsync(LeaseNames.Signing, "replica-a", Ttl, Token))!;
        var fenceA = new CheckpointFence(first.Name, first.Holder, first.Token);

        var storedWhileHeld = await store.AppendCheckpointAsync(signer.Sign(0, new byte[32], Start), fenceA, Token);
        _time.Advance(Ttl);
        var second = (await leases.AcquireAsync(LeaseNames.Signing, "replica-b", Ttl, Token))!;
        var staleAfterTakeover = await store.AppendCheckpointAsync(signer.Sign(0, new byte[32], Start), fenceA, Token);
        var storedByNewHolder = await store.AppendCheckpointAsync(
            signer.Sign(1, new byte[32], Start), new CheckpointFence(second.Name, second.Holder, second.Token), Token);

        Assert.Equal((true, false, true), (storedWhileHeld, staleAfterTakeover, storedByNewHolder));
        Assert.Equal(2, (await store.ReadCheckpointsAsync(Token)).Count);
    }

    private async Task<ILeaseStore> OpenAsync() => Provider.Leases(await Provider.OpenAsync(Token), _time);
}
