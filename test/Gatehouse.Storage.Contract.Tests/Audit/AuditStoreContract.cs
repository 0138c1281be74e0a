using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>What every audit store must do, whatever holds it: each provider runs these tests through a subclass.</summary>
public abstract class AuditStoreContract : AuditContract
{
    [Fact]
    public async Task Append_ReadAll_ReturnsEntriesByteIdentical()
    {
        var store = await Provider.OpenAsync(Token);
        var drafts = Exchanges.Pair("ex-1").Concat(Exchanges.Pair("ex-2", "bob", "Why is the build red")).ToArray();

        var appended = await store.AppendAsync(drafts, Token);
        var read = await ReadAllAsync(store);

        Assert.Equal([1L, 2, 3, 4], read.Select(e => e.Sequence));
        for (var i = 0; i < appended.Count; i++)
        {
            AssertSame(appended[i], read[i]);
            Assert.Equal(drafts[i].Body, read[i].Body);
        }

        Assert.Equal(2, read[0].BodyParts!.Count);
        Assert.Equal(Exchanges.SystemPrompt, Encoding.UTF8.GetString(read[0].BodyParts![0].Content!));
    }

    [Fact]
    public async Task Append_TwoBatches_ChainsAndMovesHead()
    {
        var store = await Provider.OpenAsync(Token);
        Assert.Null(await store.GetHeadAsync(Token));

        var first = await store.AppendAsync(Exchanges.Pair("ex-1"), Token);
        var second = await store.AppendAsync(Exchanges.Pair("ex-2"), Token);

        Assert.Equal(first[^1].Hash, second[0].PrevHash);
        Assert.Equal(AuditChain.GenesisHash.ToArray(), first[0].PrevHash);
        var head = await store.GetHeadAsync(Token);
        Assert.Equal(4, head!.Sequence);
        Assert.Equal(second[^1].Hash, head.Hash);
        Assert.Equal([3L, 4], (await store.ReadAfterAsync(2, 10, Token)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Verify_IntactLog_IsIntact()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync(Exchanges.Pair("ex-1"), Token);
        await store.AppendAsync(Exchanges.Pair("ex-2"), Token);

        var result = await new AuditVerifier(store).VerifyAsync(Token);

        Assert.True(result.IsIntact, result.Problem.ToString());
    }

    [Fact]
    public async Task Verify_IndexColumnEditedBehindTheStore_IsDetected()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync(Exchanges.Pair("ex-1"), Token);

        await Provider.ExecuteAsync("UPDATE audit_entries SET subject = 'mallory' WHERE seq = 1", Token);

        Assert.False((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Verify_PartEditedBehindTheStore_IsDetected()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync(Exchanges.Pair("ex-1"), Token);

        // Replace every part's content by its hash: same type on both providers, different bytes.
        await Provider.ExecuteAsync("UPDATE audit_parts SET body = hash", Token);

        Assert.False((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task SharedPart_TwoExchanges_StoredOnceAndBothReadBack()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync(Exchanges.Pair("ex-1", question: "first question"), Token);
        await store.AppendAsync(Exchanges.Pair("ex-2", question: "second question"), Token);

        // System prompt once, two questions, one response (the same text twice): four parts.
        Assert.Equal(4, await Provider.CountAsync("audit_parts", Token));
        var one = await store.GetExchangeAsync("ex-1", Token);
        var two = await store.GetExchangeAsync("ex-2", Token);
        Assert.Equal(Exchanges.SystemPrompt + "first question", one!.Intent.Prompt);
        Assert.Equal(Exchanges.SystemPrompt + "second question", two!.Intent.Prompt);
        Assert.Equal("It is a null reference", two.Outcome!.Response);
    }

    [Fact]
    public async Task Proof_ExchangeAgainstSignedCheckpoint_Verifies()
    {
        var store = await Provider.OpenAsync(Token);
        for (var i = 1; i <= 5; i++)
        {
            await store.AppendAsync(Exchanges.Pair("ex-" + i), Token);
        }

        var keys = CheckpointKeys.Generate();
        using var signer = CheckpointSigner.FromPem(keys.PrivateKeyPem);
        var time = new FakeTimeProvider(Exchanges.Start.AddMinutes(1));
        var checkpoint = await new CheckpointWriter(store, signer, time, new CheckpointWriterOptions()).WriteAsync(Token);
        var (proof, problem) = await new ExchangeProver(store).ProveAsync("ex-3", checkpoint, Token);

        Assert.Equal(ProofProblem.None, problem);
        Assert.Equal(10, checkpoint.TreeSize);
        Assert.Single(await store.ReadCheckpointsAsync(Token));
        Assert.Equal(ProofProblem.None, ExchangeProofVerifier.Verify(proof!, CheckpointVerifier.FromPem(keys.PublicKeyPem)));
    }

    [Fact]
    public async Task RecoverInterrupted_OpenIntent_ClosedOnceAndLogVerifies()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync(Exchanges.Pair("ex-1"), Token);
        await store.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent("ex-open"), Exchanges.Start)], Token);

        Assert.Equal(1, await store.RecoverInterruptedAsync(Exchanges.Start.AddMinutes(5), Token));
        Assert.Equal(0, await store.RecoverInterruptedAsync(Exchanges.Start.AddMinutes(6), Token));

        var record = await store.GetExchangeAsync("ex-open", Token);
        Assert.True(record!.Interrupted);
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Search_ByUserAndByText_FindsTheExchangesNewestFirst()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync(Exchanges.Pair("ex-1", "alice", "rotate the certificate"), Token);
        await store.AppendAsync(Exchanges.Pair("ex-2", "bob", "why is the build red"), Token);
        await store.AppendAsync(Exchanges.Pair("ex-3", "alice", "the build again"), Token);

        var alice = await store.SearchAsync(new ExchangeQuery { User = "alice" }, Token);
        var build = await store.SearchAsync(new ExchangeQuery { Text = "build" }, Token);
        var group = await store.SearchAsync(new ExchangeQuery { Group = "dev", Limit = 2 }, Token);

        Assert.Equal(["ex-3", "ex-1"], alice.Items.Select(r => r.ExchangeId));
        Assert.Equal(["ex-3", "ex-2"], build.Items.Select(r => r.ExchangeId));
        Assert.Equal(["ex-3", "ex-2"], group.Items.Select(r => r.ExchangeId));
        Assert.NotNull(group.NextBefore);
    }

    [Fact]
    public async Task ProbeWritable_HealthyStore_True()
    {
        var store = await Provider.OpenAsync(Token);

        Assert.True(await store.ProbeWritableAsync(Token));
        Assert.Null(await store.GetHeadAsync(Token));
    }

    [Fact]
    public async Task TwoInstances_ConcurrentAppends_OneUnbrokenChain()
    {
        var one = await Provider.OpenAsync(Token);
        var two = await Provider.OpenAsync(Token);
        const int batches = 25;

        await Task.WhenAll(AppendManyAsync(one, "a", batches), AppendManyAsync(two, "b", batches));

        var read = await ReadAllAsync(one);
        Assert.Equal(Enumerable.Range(1, batches * 4).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.True((await new AuditVerifier(two).VerifyAsync(Token)).IsIntact);
    }

    private static async Task AppendManyAsync(IAuditStore store, string prefix, int batches)
    {
        for (var i = 0; i < batches; i++)
        {
            await store.AppendAsync(Exchanges.Pair($"{prefix}-{i}", question: $"{prefix} question {i}"), Token);
        }
    }

    private static void AssertSame(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.ExchangeId, actual.ExchangeId);
        Assert.Equal(expected.Time, actual.Time);
        Assert.Equal(expected.Index, actual.Index);
        Assert.Equal(expected.Payload, actual.Payload);
        Assert.Equal(expected.BodyHash, actual.BodyHash);
        Assert.Equal(expected.PrevHash, actual.PrevHash);
        Assert.Equal(expected.Hash, actual.Hash);
        Assert.Equal(AuditChain.ComputeHash(actual), actual.Hash);
    }
}
