using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Contract.Tests.Audit;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Leases;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Contract.Tests.Failover;

/// <summary>
/// Signing fails over without signing twice: the store keeps one checkpoint per tree size, atomically, and a signer
/// that takes over (or races another) adopts the stored checkpoint instead of signing the same tree again.
/// </summary>
public abstract class CheckpointSigningContract : ProviderTest
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _time = new(Exchanges.Start.AddMinutes(1));
    private static readonly string KeyPem = CheckpointKeys.Generate().PrivateKeyPem;

    private readonly List<CheckpointSigner> _signers = [];
    private readonly CheckpointSigner _signer;

    protected CheckpointSigningContract() => _signer = Signer();

    [Fact]
    public async Task Append_TreeSizeAlreadyCheckpointed_StoresNothing_FencedOrNot()
    {
        var store = await Provider.OpenAsync(Token);
        var leases = Provider.Leases(store, _time);
        var first = (await leases.AcquireAsync(LeaseNames.Signing, "replica-a", Ttl, Token))!;
        var storedByA = await store.AppendCheckpointAsync(_signer.Sign(3, new byte[32], _time.GetUtcNow()), Fence(first), Token);
        _time.Advance(Ttl);
        var second = (await leases.AcquireAsync(LeaseNames.Signing, "replica-b", Ttl, Token))!;

        var sameSizeByB = await store.AppendCheckpointAsync(_signer.Sign(3, new byte[32], _time.GetUtcNow()), Fence(second), Token);
        var sameSizeUnfenced = await store.AppendCheckpointAsync(_signer.Sign(3, new byte[32], _time.GetUtcNow()), Token);
        var nextSizeByB = await store.AppendCheckpointAsync(_signer.Sign(4, new byte[32], _time.GetUtcNow()), Fence(second), Token);

        Assert.Equal((true, false, false, true), (storedByA, sameSizeByB, sameSizeUnfenced, nextSizeByB));
        Assert.Equal([3L, 4L], (await store.ReadCheckpointsAsync(Token)).Select(c => c.TreeSize));
        Assert.Equal(4, (await store.ReadLastCheckpointAsync(Token))!.TreeSize);
    }

    [Fact]
    public async Task NewSignerAfterFailover_HeadAlreadySigned_AdoptsTheStoredCheckpoint_SignsOnlyNewEntries()
    {
        var storeA = await Provider.OpenAsync(Token);
        var storeB = await Provider.OpenAsync(Token);
        var leases = Provider.Leases(storeA, _time);
        await storeA.AppendAsync(Exchanges.Pair("ex-1"), Token);
        var first = (await leases.AcquireAsync(LeaseNames.Signing, "replica-a", Ttl, Token))!;
        var signedByA = await Writer(storeA).WriteAsync(Fence(first), Token);
        _time.Advance(Ttl);
        var second = (await leases.AcquireAsync(LeaseNames.Signing, "replica-b", Ttl, Token))!;
        var writerB = Writer(storeB);

        var adopted = await writerB.WriteIfNewAsync(Fence(second), Token);
        var lastAfterTakeover = writerB.Last;
        await storeB.AppendAsync(Exchanges.Pair("ex-2"), Token);
        var next = await writerB.WriteIfNewAsync(Fence(second), Token);

        Assert.Null(adopted);
        Assert.Equal(signedByA.Signature, lastAfterTakeover!.Signature);
        Assert.Equal(4, next!.TreeSize);
        Assert.Equal([2L, 4L], (await storeB.ReadCheckpointsAsync(Token)).Select(c => c.TreeSize));
    }

    [Fact]
    public async Task TwoSignersRacingOverOneStore_OneCheckpointPerTreeSize()
    {
        var writerA = Writer(await Provider.OpenAsync(Token));
        var writerB = Writer(await Provider.OpenAsync(Token));
        var store = await Provider.OpenAsync(Token);
        var rounds = 8;
        for (var round = 1; round <= rounds; round++)
        {
            await store.AppendAsync(Exchanges.Pair("ex-" + round), Token);
            var both = await Task.WhenAll(
                Task.Run(() => writerA.WriteAsync(Token), Token), Task.Run(() => writerB.WriteAsync(Token), Token));

            Assert.Equal(both[0].SignedText, both[1].SignedText);
        }

        var sizes = (await store.ReadCheckpointsAsync(Token)).Select(c => c.TreeSize).ToList();
        Assert.Equal(Enumerable.Range(1, rounds).Select(r => 2L * r), sizes);
    }

    protected override ValueTask DisposeMoreAsync()
    {
        _signers.ForEach(s => s.Dispose());
        return ValueTask.CompletedTask;
    }

    private static CheckpointFence Fence(Lease lease) => new(lease.Name, lease.Holder, lease.Token);

    /// <summary>A writer with its own signer over the one key, as each replica has.</summary>
    private CheckpointWriter Writer(IAuditCheckpointStore store) => new(store, Signer(), _time, new CheckpointWriterOptions());

    private CheckpointSigner Signer()
    {
        var signer = CheckpointSigner.FromPem(KeyPem);
        _signers.Add(signer);
        return signer;
    }
}
