using System.Text;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>
/// How a batch's bodies are stored, whatever holds them: parts repeated within and across batches, entries without
/// parts beside entries with them, an outcome whose intent was in an earlier batch, and batches of two instances
/// interleaving. Each provider runs these tests through a subclass.
/// </summary>
public abstract class AuditBatchContract : AuditContract
{
    [Fact]
    public async Task Append_PartsRepeatedWithinAndAcrossBatches_StoredOnceAndEveryEntryReadsItsOwn()
    {
        var store = await Provider.OpenAsync(Token);
        AuditEntryDraft[] first = [.. Exchanges.Pair("ex-1", question: "q one"), .. Exchanges.Pair("ex-2", question: "q two"),
            .. Exchanges.Pair("ex-3", question: "q one")];
        var second = Exchanges.Pair("ex-4", question: "q two").Concat(Exchanges.Pair("ex-5", question: "q three")).ToArray();

        await store.AppendAsync(first, Token);
        await store.AppendAsync(second, Token);

        // The system prompt, three questions and the one response text: five parts, however often each was sent.
        Assert.Equal(5, await Provider.CountAsync("audit_parts", Token));
        // Two references per intent (system prompt, question), one per outcome (the response).
        Assert.Equal(15, await Provider.CountAsync("audit_entry_parts", Token));
        var read = await ReadAllAsync(store);
        Assert.Equal(first.Concat(second).Select(d => d.Body), read.Select(e => e.Body));
        Assert.Equal(Exchanges.SystemPrompt + "q one", (await store.GetExchangeAsync("ex-3", Token))!.Intent.Prompt);
        Assert.Equal(Exchanges.SystemPrompt + "q two", (await store.GetExchangeAsync("ex-4", Token))!.Intent.Prompt);
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Append_EntriesWithoutParts_BesideEntriesWithParts_ReadBackAndVerify()
    {
        var store = await Provider.OpenAsync(Token);
        var whole = Encoding.UTF8.GetBytes("a body stored whole");
        var wholeDraft = new AuditEntryDraft("test.note", "note-1", Exchanges.Start, AuditIndex.Empty, "{}"u8.ToArray(),
            whole, AuditChain.ComputeBodyHash(whole));
        var failure = AuditEntryCodec.ForSignInFailure(
            new SignInFailure { RequestId = "req-1", Connection = "openai", Code = "no_credential", Status = 401 }, Exchanges.Start);

        await store.AppendAsync([failure], Token);
        await store.AppendAsync([wholeDraft, .. Exchanges.Pair("ex-1"), failure with { ExchangeId = "req-2" }], Token);

        var read = await ReadAllAsync(store);
        Assert.Equal([1L, 2, 3, 4, 5], read.Select(e => e.Sequence));
        Assert.Null(read[0].Body);
        Assert.Null(read[0].BodyParts);
        Assert.Equal(whole, read[1].Body);
        Assert.Null(read[1].BodyParts);
        Assert.Equal(2, read[2].BodyParts!.Count);
        Assert.Null(read[4].Body);
        Assert.Equal(3, await Provider.CountAsync("audit_entry_parts", Token));
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Append_OutcomeInALaterBatch_ItsResponseIsSearchedUnderItsIntent()
    {
        var store = await Provider.OpenAsync(Token);
        await store.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1"), Exchanges.Start)], Token);
        await store.AppendAsync(
            [.. Exchanges.Pair("ex-2"), AuditEntryCodec.ForOutcome(Exchanges.Outcome("ex-1", "the flaky socket timeout"), Exchanges.Start)],
            Token);

        var found = await store.SearchAsync(new ExchangeQuery { Text = "socket" }, Token);

        Assert.Equal(["ex-1"], found.Items.Select(r => r.ExchangeId));
        Assert.Equal("the flaky socket timeout", (await store.GetExchangeAsync("ex-1", Token))!.Outcome!.Response);
    }

    [Fact]
    public async Task TwoInstances_InterleavedBatchesSharingParts_OneChainAndEveryBodyIntact()
    {
        var one = await Provider.OpenAsync(Token);
        var two = await Provider.OpenAsync(Token);
        const int batches = 20;

        // Both instances send the same question in their i-th batch, so they insert the same new part concurrently.
        await Task.WhenAll(AppendManyAsync(one, "a", batches), AppendManyAsync(two, "b", batches));

        var read = await ReadAllAsync(one);
        Assert.Equal(Enumerable.Range(1, batches * 2 * 2 * 2).Select(i => (long)i), read.Select(e => e.Sequence));
        Assert.Equal(1 + batches + 1, await Provider.CountAsync("audit_parts", Token));
        for (var i = 0; i < batches; i++)
        {
            foreach (var id in new[] { $"a-{i}-0", $"a-{i}-1", $"b-{i}-0", $"b-{i}-1" })
            {
                Assert.Equal(Exchanges.SystemPrompt + $"question {i}", (await two.GetExchangeAsync(id, Token))!.Intent.Prompt);
            }
        }

        Assert.True((await new AuditVerifier(two).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public async Task Append_OptionalFieldsAbsentAndPresent_LongAndNonAsciiValues_StoredHashesAreTheEncodersAndVerify()
    {
        var store = await Provider.OpenAsync(Token);
        var longPayload = Encoding.UTF8.GetBytes("{\"text\":\"" + new string('x', 70_000) + "\"}");
        var body = Encoding.UTF8.GetBytes("Grüße, 世界 — ✓");
        AuditEntryDraft[] drafts =
        [
            new("test.bare", "", Exchanges.Start, AuditIndex.Empty, [], null, null),
            new("test.full", "ex-ñ-ü-日本", Exchanges.Start.AddTicks(1), new AuditIndex
            {
                Subject = "zoë", Email = "zoë@exämple.test", Connection = "conn-√", Model = "模型-1", Status = -1, Decision = "",
            }, Encoding.UTF8.GetBytes("{\"note\":\"naïve café 🚀\"}"), body, AuditChain.ComputeBodyHash(body)),
            new("test.long", new string('e', 3000), DateTimeOffset.MinValue, new AuditIndex { Status = int.MaxValue }, longPayload, null, null),
        ];

        var first = await store.AppendAsync(drafts, Token);
        var second = await store.AppendAsync([drafts[1] with { ExchangeId = "again" }, drafts[0]], Token);

        var read = await ReadAllAsync(store);
        Assert.Equal([1L, 2, 3, 4, 5], read.Select(e => e.Sequence));
        // Each stored hash is what this process's encoder computes from the stored fields, and what the append returned.
        Assert.All(read, e => Assert.Equal(AuditChain.ComputeHash(e), e.Hash));
        Assert.Equal(first.Concat(second).Select(e => e.Hash), read.Select(e => e.Hash));
        Assert.Equal(first[0].Hash, first[1].PrevHash);
        Assert.Equal(first[2].Hash, second[0].PrevHash);
        Assert.Equal("zoë@exämple.test", read[1].Index.Email);
        Assert.Null(read[0].Index.Subject);
        Assert.Equal(longPayload, read[2].Payload);
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    private static async Task AppendManyAsync(IAuditStore store, string prefix, int batches)
    {
        for (var i = 0; i < batches; i++)
        {
            var question = $"question {i}";
            await store.AppendAsync([.. Exchanges.Pair($"{prefix}-{i}-0", question: question), .. Exchanges.Pair($"{prefix}-{i}-1", question: question)], Token);
        }
    }
}
