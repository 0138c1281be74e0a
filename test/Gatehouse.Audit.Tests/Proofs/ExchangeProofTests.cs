using System.Text;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Tests.Fakes;

namespace Gatehouse.Audit.Tests.Proofs;

/// <summary>Seven exchanges (intents at odd sequences, outcomes at even), a checkpoint over them, and proofs of ex-3.</summary>
public sealed class ExchangeProofTests : IAsyncLifetime, IDisposable
{
    private readonly MemoryAuditStore _store = new();
    private readonly CheckpointSigner _signer;
    private readonly CheckpointVerifier _verifier;
    private Checkpoint _checkpoint = null!;

    public ExchangeProofTests()
    {
        var (privatePem, publicPem) = CheckpointKeys.Generate();
        _signer = CheckpointSigner.FromPem(privatePem);
        _verifier = CheckpointVerifier.FromPem(publicPem);
    }

    public static TheoryData<string> Mutations => [.. MutationTable.Keys];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, Func<ExchangeProof, ExchangeProof>> MutationTable = new()
    {
        ["exchange id"] = p => p with { ExchangeId = "ex-4" },
        ["sequence"] = p => WithEntry(p, e => e with { Sequence = e.Sequence + 1, LeafIndex = e.LeafIndex + 1 }),
        ["leaf index"] = p => WithEntry(p, e => e with { LeafIndex = e.LeafIndex + 1 }),
        ["entry hash"] = p => WithEntry(p, e => e with { EntryHash = ProofMutations.Flip(e.EntryHash, 3) }),
        ["canonical byte"] = p => WithEntry(p, e => e with { Canonical = ProofMutations.Flip(e.Canonical, 8 * (e.Canonical.Length - 40)) }),
        ["audit path node"] = p => WithEntry(p, e => e with { AuditPath = [ProofMutations.Flip(e.AuditPath[0], 1), .. e.AuditPath.Skip(1)] }),
        ["audit path truncated"] = p => WithEntry(p, e => e with { AuditPath = [.. e.AuditPath.SkipLast(1)] }),
        ["tree size"] = p => p with { Checkpoint = p.Checkpoint with { TreeSize = p.Checkpoint.TreeSize + 1 } },
        ["entry dropped"] = p => p with { Entries = [] },
        ["entries repeated"] = p => p with { Entries = [p.Entries[0], p.Entries[0]] },
    };

    public async ValueTask InitializeAsync()
    {
        for (var i = 1; i <= 7; i++)
        {
            await _store.AppendAsync(
            [
                AuditEntryCodec.ForIntent(Exchanges.Intent($"ex-{i}"), Exchanges.Start.AddMinutes(i)),
                AuditEntryCodec.ForOutcome(Exchanges.Outcome($"ex-{i}"), Exchanges.Start.AddMinutes(i).AddSeconds(2)),
            ], Token);
        }

        var root = new MerkleRootBuilder();
        _store.Entries.ForEach(e => root.AppendEntry(e.Hash));
        _checkpoint = _signer.Sign(root.Size, root.ComputeRoot(), Exchanges.Start.AddHours(1));
    }

    [Fact]
    public async Task Prove_ExchangeInSignedLog_VerifiesAfterJsonRoundTrip()
    {
        var (proof, problem) = await new ExchangeProver(_store).ProveAsync("ex-3", _checkpoint, Token);

        Assert.Equal(ProofProblem.None, problem);
        Assert.Equal([5L, 6L], proof!.Entries.Select(e => e.Sequence));
        Assert.Equal(ProofProblem.None, ExchangeProofVerifier.Verify(proof, _verifier));
        var read = ExchangeProofJson.Read(ExchangeProofJson.Write(proof));
        Assert.Equal(ProofProblem.None, ExchangeProofVerifier.Verify(read!, _verifier));
        Assert.Contains("ex-3", Encoding.UTF8.GetString(read!.Entries[0].Canonical), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Mutations))]
    public async Task Verify_ProofChanged_Refused(string field)
    {
        var (proof, _) = await new ExchangeProver(_store).ProveAsync("ex-3", _checkpoint, Token);

        Assert.NotEqual(ProofProblem.None, ExchangeProofVerifier.Verify(MutationTable[field](proof!), _verifier));
    }

    [Fact]
    public async Task Verify_OtherPublicKey_RefusedAsBadSignature()
    {
        var (proof, _) = await new ExchangeProver(_store).ProveAsync("ex-3", _checkpoint, Token);
        using var other = CheckpointVerifier.FromPem(CheckpointKeys.Generate().PublicKeyPem);

        Assert.Equal(ProofProblem.BadSignature, ExchangeProofVerifier.Verify(proof!, other));
    }

    [Fact]
    public async Task Prove_EntryEditedAfterCheckpoint_RefusedAsRootMismatch()
    {
        _store.Entries[8] = _store.Entries[8] with { Index = _store.Entries[8].Index with { Subject = "mallory" } };

        var (proof, problem) = await new ExchangeProver(_store).ProveAsync("ex-3", _checkpoint, Token);

        Assert.Null(proof);
        Assert.Equal(ProofProblem.RootMismatch, problem);
    }

    [Fact]
    public async Task Prove_UnknownExchangeOrShortLog_NamesProblem()
    {
        var prover = new ExchangeProver(_store);

        Assert.Equal(ProofProblem.NotFound, (await prover.ProveAsync("ex-99", _checkpoint, Token)).Problem);
        var beyond = _signer.Sign(15, _checkpoint.RootHash, _checkpoint.Time);
        Assert.Equal(ProofProblem.BeyondLog, (await prover.ProveAsync("ex-3", beyond, Token)).Problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{}")]
    [InlineData("{\"format\":\"gatehouse/audit-proof/v0\"}")]
    [InlineData("{\"format\":\"gatehouse/audit-proof/v1\",\"exchangeId\":\"x\",\"checkpoint\":{\"treeSize\":\"a\"}}")]
    public void Read_NotAProof_ReturnsNull(string text)
    {
        Assert.Null(ExchangeProofJson.Read(Encoding.UTF8.GetBytes(text)));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public void Dispose()
    {
        _signer.Dispose();
        _verifier.Dispose();
    }

    private static ExchangeProof WithEntry(ExchangeProof proof, Func<ProvenEntry, ProvenEntry> change) =>
        proof with { Entries = [change(proof.Entries[0]), .. proof.Entries.Skip(1)] };
}
