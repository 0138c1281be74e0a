using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Proofs;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Checkpoints;

public sealed class CheckpointStoreTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Exchanges.Start.AddHours(1));
    private readonly CheckpointSigner _signer = CheckpointSigner.FromPem(CheckpointKeys.Generate().PrivateKeyPem);
    private SqliteStore _store = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = _database.Open();
        await AppendExchangesAsync(_store, 1, 5);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _signer.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Open_VersionOneDatabase_UpgradesKeepingEntries()
    {
        await _store.DisposeAsync();
        _database.Execute("DROP TABLE audit_checkpoints; UPDATE schema_version SET version = 1;");

        _store = _database.Open();

        Assert.Equal(10, await _store.ReadAllAsync(Token).CountAsync(Token));
        await _store.AppendCheckpointAsync(_signer.Sign(10, new byte[32], _time.GetUtcNow()), Token);
        Assert.Single(await _store.ReadCheckpointsAsync(Token));
    }

    [Fact]
    public async Task AppendCheckpoint_ThenRead_ReturnsThemInOrderUnchanged()
    {
        var first = _signer.Sign(4, MerkleHash.Leaf(new byte[32]), _time.GetUtcNow());
        var second = _signer.Sign(10, MerkleHash.Leaf(new byte[32]), _time.GetUtcNow().AddMinutes(1));

        await _store.AppendCheckpointAsync(first, Token);
        await _store.AppendCheckpointAsync(second, Token);

        var read = await _store.ReadCheckpointsAsync(Token);
        Assert.Equal([first.SignedText, second.SignedText], read.Select(c => c.SignedText));
        Assert.Equal(second.Signature, read[1].Signature);
        Assert.Equal(second.KeyId, read[1].KeyId);
    }

    [Fact]
    public async Task ReadEntryHashes_Range_ReturnsStoredHashesOfThatRange()
    {
        var entries = await _store.ReadAllAsync(Token).ToListAsync(Token);

        var hashes = await _store.ReadEntryHashesAsync(3, 7, Token).ToListAsync(Token);

        Assert.Equal([4L, 5L, 6L, 7L], hashes.Select(h => h.Sequence));
        Assert.Equal(entries[3..7].Select(e => e.Hash), hashes.Select(h => h.Hash));
    }

    [Fact]
    public async Task Write_TwiceWithEntriesBetween_SignsTheRootOfTheWholeLogEachTime()
    {
        var directory = Path.Combine(_database.Directory, "worm");
        var writer = new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions { Directory = directory });

        var first = await writer.WriteAsync(Token);
        await AppendExchangesAsync(_store, 6, 8);
        _time.Advance(TimeSpan.FromSeconds(5));
        var second = await writer.WriteAsync(Token);

        var hashes = (await _store.ReadAllAsync(Token).ToListAsync(Token)).Select(e => e.Hash).ToList();
        var tree = MerkleTree.FromEntryHashes(hashes);
        Assert.Equal((10L, 16L), (first.TreeSize, second.TreeSize));
        Assert.Equal(tree.RootAt(10), first.RootHash);
        Assert.Equal(tree.RootAt(16), second.RootHash);
        Assert.Equal(2, (await _store.ReadCheckpointsAsync(Token)).Count);
        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, files.Length);
        Assert.Equal(CheckpointText.FormatNote(second), await File.ReadAllTextAsync(files[1], Token));
    }

    [Fact]
    public async Task Write_SameSizeTwiceInOneSecond_WritesTwoFiles()
    {
        var directory = Path.Combine(_database.Directory, "worm");
        var writer = new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions { Directory = directory });

        await writer.WriteAsync(Token);
        await writer.WriteAsync(Token);

        Assert.Equal(2, Directory.GetFiles(directory).Length);
    }

    [Fact]
    public async Task Write_SequenceMissing_RefusesToSign()
    {
        _database.Execute("DELETE FROM audit_entries WHERE seq = 4");
        var writer = new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions());

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(Token));
        Assert.Empty(await _store.ReadCheckpointsAsync(Token));
    }

    [Fact]
    public async Task Prove_RowDeletedAfterCheckpoint_RefusedAsRootMismatch()
    {
        var checkpoint = await new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions()).WriteAsync(Token);
        _database.Execute("DELETE FROM audit_entries WHERE seq = 4");

        var (proof, problem) = await new ExchangeProver(_store).ProveAsync("ex-5", checkpoint, Token);

        Assert.Null(proof);
        Assert.Equal(ProofProblem.RootMismatch, problem);
    }

    [Fact]
    public async Task IsDue_AfterIntervalOrEnoughEntries_OnlyWhenEntriesWereAdded()
    {
        var writer = new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions { Interval = TimeSpan.FromMinutes(1), EveryEntries = 4 });
        Assert.True(writer.IsDue(10));

        await writer.WriteAsync(Token);

        Assert.False(writer.IsDue(10));
        Assert.False(writer.IsDue(13));
        Assert.True(writer.IsDue(14));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(writer.IsDue(10));
        Assert.True(writer.IsDue(11));
    }

    internal static async Task AppendExchangesAsync(SqliteStore store, int from, int to)
    {
        for (var i = from; i <= to; i++)
        {
            await store.AppendAsync(
            [
                AuditEntryCodec.ForIntent(Exchanges.Intent($"ex-{i}"), Exchanges.Start.AddMinutes(i)),
                AuditEntryCodec.ForOutcome(Exchanges.Outcome($"ex-{i}"), Exchanges.Start.AddMinutes(i).AddSeconds(2)),
            ], Token);
        }
    }
}
