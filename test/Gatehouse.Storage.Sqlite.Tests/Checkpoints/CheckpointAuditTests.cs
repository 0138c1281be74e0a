using Gatehouse.Audit.Checkpoints;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Checkpoints;

/// <summary>Two checkpoints (after 10 and 16 entries), then the database is edited behind the store's back.</summary>
public sealed class CheckpointAuditTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Exchanges.Start.AddHours(1));
    private readonly CheckpointSigner _signer;
    private readonly CheckpointVerifier _verifier;
    private SqliteStore _store = null!;

    public CheckpointAuditTests()
    {
        var (privatePem, publicPem) = CheckpointKeys.Generate();
        _signer = CheckpointSigner.FromPem(privatePem);
        _verifier = CheckpointVerifier.FromPem(publicPem);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = _database.Open();
        var writer = new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions());
        await CheckpointStoreTests.AppendExchangesAsync(_store, 1, 5);
        await writer.WriteAsync(Token);
        await CheckpointStoreTests.AppendExchangesAsync(_store, 6, 8);
        await writer.WriteAsync(Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _signer.Dispose();
        _verifier.Dispose();
        _database.Dispose();
    }

    [Fact]
    public async Task Verify_Untouched_AllCheckpointsHold()
    {
        var result = await new CheckpointAudit(_store, _verifier).VerifyAsync(Token);

        Assert.True(result.IsIntact);
        Assert.Equal((2, 16L), (result.CheckpointsChecked, result.EntriesRead));
    }

    [Fact]
    public async Task Verify_EntriesAfterLastCheckpoint_AreNotRead()
    {
        await CheckpointStoreTests.AppendExchangesAsync(_store, 9, 10);

        var result = await new CheckpointAudit(_store, _verifier).VerifyAsync(Token);

        Assert.True(result.IsIntact);
        Assert.Equal(16L, result.EntriesRead);
    }

    [Fact]
    public async Task Verify_NoCheckpoints_IsIntactHavingReadNothing()
    {
        _database.Execute("DELETE FROM audit_checkpoints");

        var result = await new CheckpointAudit(_store, _verifier).VerifyAsync(Token);

        Assert.Equal((true, 0, 0L), (result.IsIntact, result.CheckpointsChecked, result.EntriesRead));
    }

    [Theory]
    [InlineData("UPDATE audit_entries SET subject = 'mallory' WHERE seq = 3", 10L, CheckpointProblem.RootMismatch)]
    [InlineData("UPDATE audit_entries SET status = 500 WHERE seq = 14", 16L, CheckpointProblem.RootMismatch)]
    [InlineData("DELETE FROM audit_entries WHERE seq = 12", 16L, CheckpointProblem.RootMismatch)]
    [InlineData("DELETE FROM audit_entries WHERE seq > 8", 10L, CheckpointProblem.BeyondLog)]
    [InlineData("UPDATE audit_checkpoints SET tree_size = 9 WHERE id = 1", 9L, CheckpointProblem.BadSignature)]
    [InlineData("UPDATE audit_checkpoints SET root_hash = zeroblob(32) WHERE id = 2", 16L, CheckpointProblem.BadSignature)]
    public async Task Verify_DatabaseEdited_NamesFirstBadCheckpoint(string sql, long treeSize, CheckpointProblem problem)
    {
        _database.Execute(sql);

        var result = await new CheckpointAudit(_store, _verifier).VerifyAsync(Token);

        Assert.Equal(problem, result.Problem);
        Assert.Equal(treeSize, result.FirstBad!.TreeSize);
    }

    [Fact]
    public async Task Verify_OtherPublicKey_RefusedAsBadSignature()
    {
        using var other = CheckpointVerifier.FromPem(CheckpointKeys.Generate().PublicKeyPem);

        var result = await new CheckpointAudit(_store, other).VerifyAsync(Token);

        Assert.Equal((CheckpointProblem.BadSignature, 0), (result.Problem, result.CheckpointsChecked));
    }

    [Fact]
    public async Task Verify_SignedCheckpointSmallerThanOneBefore_RefusedAsInconsistent()
    {
        var entries = await _store.ReadAllAsync(Token).ToListAsync(Token);
        var root = new Gatehouse.Audit.Proofs.MerkleRootBuilder();
        entries.Take(4).ToList().ForEach(e => root.AppendEntry(e.Hash));
        await _store.AppendCheckpointAsync(_signer.Sign(4, root.ComputeRoot(), _time.GetUtcNow()), Token);

        var result = await new CheckpointAudit(_store, _verifier).VerifyAsync(Token);

        Assert.Equal((CheckpointProblem.Inconsistent, 4L), (result.Problem, result.FirstBad!.TreeSize));
    }
}
