using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Tests.Fakes;
using Gatehouse.Audit.Verification;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Audit.Tests.Verification;

/// <summary>Six exchanges (intent at odd, outcome at even sequences), signed at 12 entries; ex-2 and ex-3 become tombstones 3-6.</summary>
public sealed class TombstoneVerificationTests : IAsyncLifetime, IDisposable
{
    private readonly MemoryCheckpointStore _store = new(new MemoryAuditStore());
    private readonly FakeTimeProvider _time = new(Exchanges.Start.AddHours(1));
    private readonly CheckpointSigner _signer;
    private readonly CheckpointVerifier _verifier;
    private CheckpointWriter _writer = null!;

    public TombstoneVerificationTests()
    {
        var (privatePem, publicPem) = CheckpointKeys.Generate();
        _signer = CheckpointSigner.FromPem(privatePem);
        _verifier = CheckpointVerifier.FromPem(publicPem);
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await AppendExchangesAsync(1, 6);
        _writer = new CheckpointWriter(_store, _signer, _time, new CheckpointWriterOptions());
        await _writer.WriteAsync(Token);
        for (var sequence = 3; sequence <= 6; sequence++)
        {
            _store.Tombstone(sequence);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
        _signer.Dispose();
        _verifier.Dispose();
    }

    [Fact]
    public async Task Verify_TombstonesCoveredBySignedCheckpoint_IsIntact()
    {
        await AppendExchangesAsync(7, 7);

        var result = await new AuditVerifier(_store, _verifier).VerifyAsync(Token);

        Assert.True(result.IsIntact, $"{result.Problem} at {result.FirstBadSequence}");
        Assert.Equal(14, result.EntriesChecked);
        Assert.Equal((10L, 4L), (result.BodiesChecked, result.Tombstones));
    }

    [Fact]
    public async Task Verify_TombstonesWithoutPublicKey_ReportsFirstTombstoneUncovered()
    {
        var result = await new AuditVerifier(_store).VerifyAsync(Token);

        Assert.Equal((AuditProblem.TombstoneUncovered, 3L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task Verify_TombstoneAfterTheLastCheckpoint_ReportsItUncovered()
    {
        await AppendExchangesAsync(7, 8);
        _store.Tombstone(15);

        var result = await new AuditVerifier(_store, _verifier).VerifyAsync(Token);

        Assert.Equal((AuditProblem.TombstoneUncovered, 15L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task Verify_TombstoneHashAltered_IsNotIntact()
    {
        _store.Edit(4, e => e with { Hash = Flip(e.Hash) });

        var result = await new AuditVerifier(_store, _verifier).VerifyAsync(Token);

        Assert.False(result.IsIntact);
        Assert.InRange(result.FirstBadSequence!.Value, 4, 5);
    }

    [Fact]
    public async Task Verify_TombstoneHashAndNextLinkAltered_CheckpointNamesTheTombstone()
    {
        // The chain alone cannot see this: tombstone 5 links to the altered hash of 4, and 6 still links to 5.
        _store.Edit(4, e => e with { Hash = Flip(e.Hash) });
        _store.Edit(5, e => e with { PrevHash = _store.Log.Entries[3].Hash });

        var result = await new AuditVerifier(_store, _verifier).VerifyAsync(Token);

        // The checkpoint covers 3-6 as one; the first tombstone it no longer vouches for is named.
        Assert.Equal((AuditProblem.TombstoneUnproven, 3L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task Verify_CheckpointFromAnotherKey_TombstonesUnproven()
    {
        var (_, otherPublic) = CheckpointKeys.Generate();
        using var other = CheckpointVerifier.FromPem(otherPublic);

        var result = await new AuditVerifier(_store, other).VerifyAsync(Token);

        Assert.Equal((AuditProblem.TombstoneUnproven, 3L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task Verify_BodyRestoredIntoATombstone_ReportsBodyMismatch()
    {
        _store.Edit(3, e => e with { Body = "Explain this stack trace"u8.ToArray() });

        var result = await new AuditVerifier(_store, _verifier).VerifyAsync(Token);

        Assert.Equal((AuditProblem.BodyMismatch, 3L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task VerifyCheckpoints_WithTombstones_AllHold()
    {
        var result = await new CheckpointAudit(_store, _verifier).VerifyAsync(Token);

        Assert.True(result.IsIntact, result.Problem.ToString());
    }

    [Fact]
    public async Task Prove_ExchangeAfterTombstones_VerifiesOffline()
    {
        var (proof, problem) = await new ExchangeProver(_store).ProveAsync("ex-4", _store.Checkpoints[0], Token);

        Assert.Equal(ProofProblem.None, problem);
        Assert.Equal(ProofProblem.None, ExchangeProofVerifier.Verify(proof!, _verifier));
    }

    [Fact]
    public async Task Prove_ExchangeWhoseBodiesWereRemoved_VerifiesAndLogStaysIntact()
    {
        _store.Edit(7, e => e with { Body = null });
        _store.Edit(8, e => e with { Body = null });

        var (proof, problem) = await new ExchangeProver(_store).ProveAsync("ex-4", _store.Checkpoints[0], Token);
        var verified = await new AuditVerifier(_store, _verifier).VerifyAsync(Token);

        Assert.Equal(ProofProblem.None, problem);
        Assert.Equal(ProofProblem.None, ExchangeProofVerifier.Verify(proof!, _verifier));
        Assert.True(verified.IsIntact, verified.Problem.ToString());
        Assert.Equal(2, verified.BodiesRemoved);
    }

    [Fact]
    public async Task Prove_TombstonedExchange_IsNotFound()
    {
        var (_, problem) = await new ExchangeProver(_store).ProveAsync("ex-2", _store.Checkpoints[0], Token);

        Assert.Equal(ProofProblem.NotFound, problem);
    }

    private static byte[] Flip(byte[] hash)
    {
        var copy = hash.ToArray();
        copy[0] ^= 1;
        return copy;
    }

    private async Task AppendExchangesAsync(int first, int last)
    {
        for (var i = first; i <= last; i++)
        {
            await _store.AppendAsync(
            [
                AuditEntryCodec.ForIntent(Exchanges.Intent($"ex-{i}"), Exchanges.Start.AddMinutes(i)),
                AuditEntryCodec.ForOutcome(Exchanges.Outcome($"ex-{i}"), Exchanges.Start.AddMinutes(i).AddSeconds(2)),
            ], Token);
        }
    }
}
