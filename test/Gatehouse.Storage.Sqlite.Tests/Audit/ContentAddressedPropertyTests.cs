using System.Text;
using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Proofs;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Retention;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>For random conversations, a store with bodies in parts answers exactly as one that stores each body whole.</summary>
public sealed class ContentAddressedPropertyTests
{
    private static readonly (string PrivateKeyPem, string PublicKeyPem) Keys = CheckpointKeys.Generate();

    private static readonly string[] Messages =
    [
        "[system]\nYou are a careful reviewer.", "[user]\nrotate the signing key", "[assistant]\nrotated with zero downtime",
        "[user]\nrefactor the parser", "[tool]\nparser.cs 120 lines", "[user]\nexplain the diff",
    ];

    private static readonly string[] Answers = ["Done", "Here is the diff", "The parser streams now", "rotate again tomorrow"];

    private static readonly string[] Words = ["reviewer", "rotate", "parser", "diff", "streams", "tomorrow", "zero", "lines"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Store_AnyConversationsAndRetention_ShowSearchExportAndVerifyAsFullStorage()
    {
        var exchange = Gen.Select(Gen.Int[0, Messages.Length - 1].Array[1, 4], Gen.Int[0, Answers.Length - 1]);
        var scenario = Gen.Select(exchange.Array[1, 6], Gen.Bool.Array[6]);
        await scenario.ForAllAsync(async s => await CheckAsync(s.Item1, s.Item2), iter: 12);
    }

    private static async Task CheckAsync((int[] Messages, int Answer)[] exchanges, bool[] removed)
    {
        using var partsFile = new TempDatabase();
        using var wholeFile = new TempDatabase();
        await using var parts = partsFile.Open();
        await using var whole = wholeFile.Open();
        var ids = new List<string>();
        foreach (var (messages, answer) in exchanges)
        {
            var id = "ex-" + ids.Count;
            ids.Add(id);
            var pieces = messages.Select((m, i) => (i == 0 ? "" : "\n\n") + Messages[m]).ToArray();
            var intent = Exchanges.Intent(id, prompt: string.Concat(pieces)) with { PromptParts = pieces };
            var drafts = new[] { AuditEntryCodec.ForIntent(intent, Exchanges.Start), AuditEntryCodec.ForOutcome(Exchanges.Outcome(id, Answers[answer]), Exchanges.Start) };
            await parts.AppendAsync(drafts, Token);
            await whole.AppendAsync([.. drafts.Select(Whole)], Token);
        }

        await AssertSameAsync(parts, whole, ids);
        var gone = ids.Where((_, i) => removed[i]).ToList();
        await new SqliteRetentionStore(parts).RemoveBodiesAsync(gone, Token);
        await new SqliteRetentionStore(whole).RemoveBodiesAsync(gone, Token);
        await AssertSameAsync(parts, whole, ids);
    }

    private static async Task AssertSameAsync(SqliteStore parts, SqliteStore whole, List<string> ids)
    {
        Assert.Equal(await ProveAllAsync(whole, ids), await ProveAllAsync(parts, ids));

        foreach (var id in ids)
        {
            var (p, w) = (await parts.GetExchangeAsync(id, Token), await whole.GetExchangeAsync(id, Token));
            Assert.Equal((w!.Intent.Prompt, w.Outcome!.Response), (p!.Intent.Prompt, p.Outcome!.Response));
        }

        // Full storage's search: a word matches an exchange whose kept prompt or response holds it.
        foreach (var word in Words)
        {
            var expected = new List<string>();
            foreach (var id in Enumerable.Reverse(ids))
            {
                var record = await whole.GetExchangeAsync(id, Token);
                if (HasWord(record!.Intent.Prompt, word) || HasWord(record.Outcome!.Response, word))
                {
                    expected.Add(id);
                }
            }

            Assert.Equal(expected, await SearchAsync(parts, word));
        }

        Assert.Equal(await ExportAsync(whole), await ExportAsync(parts));
        var (pv, wv) = (await new AuditVerifier(parts).VerifyAsync(Token), await new AuditVerifier(whole).VerifyAsync(Token));
        Assert.True(pv.IsIntact, $"{pv.Problem} at {pv.FirstBadSequence}");
        Assert.True(wv.IsIntact, $"{wv.Problem} at {wv.FirstBadSequence}");
        Assert.Equal((wv.BodiesChecked, wv.BodiesRemoved), (pv.BodiesChecked, pv.BodiesRemoved));
    }

    // Signs a checkpoint over the whole log and proves every exchange against it, offline, as `audit proof` does.
    // The signer and verifier are made per call: samples may run concurrently.
    private static async Task<List<string>> ProveAllAsync(SqliteStore store, List<string> ids)
    {
        using var signer = CheckpointSigner.FromPem(Keys.PrivateKeyPem);
        using var verifier = CheckpointVerifier.FromPem(Keys.PublicKeyPem);
        var root = new MerkleRootBuilder();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            root.AppendEntry(entry.Hash);
        }

        var checkpoint = signer.Sign(root.Size, root.ComputeRoot(), Exchanges.Start.AddHours(1));
        var results = new List<string>();
        foreach (var id in ids)
        {
            var (proof, problem) = await new ExchangeProver(store).ProveAsync(id, checkpoint, Token);
            var check = proof is null ? problem : ExchangeProofVerifier.Verify(ExchangeProofJson.Read(ExchangeProofJson.Write(proof))!, verifier);
            results.Add($"{id} {problem} {check} [{string.Join(',', proof?.Entries.Select(e => e.Sequence) ?? [])}]");
            Assert.Equal(ProofProblem.None, check);
        }

        return results;
    }

    // An entry as the schema 7 code wrote it: the body whole, its hash the SHA-256 of the body.
    private static AuditEntryDraft Whole(AuditEntryDraft draft) =>
        draft with { BodyParts = null, BodyHash = draft.Body is null ? null : System.Security.Cryptography.SHA256.HashData(draft.Body) };

    private static bool HasWord(string? text, string word) =>
        text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{word}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private static async Task<List<string>> SearchAsync(SqliteStore store, string word) =>
        [.. (await store.SearchAsync(new ExchangeQuery { Text = word }, Token)).Items.Select(i => i.ExchangeId)];

    private static async Task<List<string>> ExportAsync(SqliteStore store)
    {
        var bodies = new List<string>();
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            bodies.Add($"{entry.Sequence} {entry.Kind} {(entry.Body is null ? "-" : Encoding.UTF8.GetString(entry.Body))}");
        }

        return bodies;
    }
}
