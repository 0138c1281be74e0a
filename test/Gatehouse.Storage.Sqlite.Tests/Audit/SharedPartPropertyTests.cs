using System.Text;
using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Retention;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>
/// For random conversations whose exchanges share messages and answers: a part lives exactly as long as a retained
/// exchange refers to it, and changing a shared part is caught for every exchange that refers to it and no other.
/// </summary>
public sealed class SharedPartPropertyTests
{
    // Each message holds one word no other message holds, so a search tells whether its part is still indexed.
    private static readonly string[] Messages =
    [
        "[system]\nYou are alphasystem.", "[user]\nbravoask the question", "[assistant]\ncharlieanswer given",
        "[user]\ndeltaask again", "[tool]\nechotool output", "[user]\nfoxtrotask last",
    ];

    private static readonly string[] Answers = ["golfreply", "hotelreply", "indiareply"];

    private static readonly string[] Words =
        ["alphasystem", "bravoask", "charlieanswer", "deltaask", "echotool", "foxtrotask", "golfreply", "hotelreply", "indiareply"];

    private static readonly Gen<(int[] Messages, int Answer)[]> Conversations =
        Gen.Select(Gen.Int[0, Messages.Length - 1].Array[1, 4], Gen.Int[0, Answers.Length - 1]).Array[2, 6];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Retention_AnyOrderOfRemovalsAndTombstones_KeepsAPartExactlyWhileARetainedExchangeRefersToIt()
    {
        var scenario = Gen.Select(Conversations, Gen.Int.Array[6], Gen.Bool.Array[6]);
        await scenario.ForAllAsync(async s => await CheckRetentionAsync(s.Item1, s.Item2, s.Item3), iter: 15);
    }

    [Fact]
    public async Task Verify_AnySharedPartChanged_FailsEveryEntryThatRefersToItAndNoOther()
    {
        var scenario = Gen.Select(Conversations, Gen.Int[0, Messages.Length + Answers.Length - 1]);
        await scenario.ForAllAsync(async s => await CheckTamperingAsync(s.Item1, s.Item2), iter: 15);
    }

    private static async Task CheckRetentionAsync((int[] Messages, int Answer)[] exchanges, int[] order, bool[] tombstone)
    {
        using var file = new TempDatabase();
        await using var store = file.Open();
        var texts = await AppendAsync(store, exchanges);
        var retention = new SqliteRetentionStore(store);
        var retained = Enumerable.Range(0, exchanges.Length).ToList();

        // Remove the exchanges one at a time, in a random order, by body removal or by tombstone.
        foreach (var (position, step) in order.Take(exchanges.Length).Select((o, i) => ((int)((uint)o % (uint)retained.Count), i)))
        {
            var victim = retained[position];
            retained.RemoveAt(position);
            if (tombstone[step])
            {
                await retention.TombstoneAsync([$"ex-{victim}"], coveredThrough: long.MaxValue, Token);
            }
            else
            {
                await retention.RemoveBodiesAsync([$"ex-{victim}"], Token);
            }

            var stored = StoredParts(file);
            var referred = retained.SelectMany(i => texts[i]).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(referred.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
            foreach (var i in retained)
            {
                var record = await store.GetExchangeAsync($"ex-{i}", Token);
                Assert.Equal(string.Concat(texts[i].SkipLast(1)), record!.Intent.Prompt);
                Assert.Equal(texts[i][^1], record.Outcome!.Response);
            }

            // The index follows: a word of a part that is gone finds nothing, a word of a kept part finds its referrers.
            foreach (var word in Words)
            {
                var expected = retained.Where(i => texts[i].Any(t => t.Contains(word, StringComparison.Ordinal))).Select(i => $"ex-{i}").Order();
                var found = (await store.SearchAsync(new ExchangeQuery { Text = word }, Token)).Items.Select(i => i.ExchangeId).Order();
                Assert.Equal(expected, found);
            }
        }

        Assert.Empty(StoredParts(file));
    }

    private static async Task CheckTamperingAsync((int[] Messages, int Answer)[] exchanges, int target)
    {
        using var file = new TempDatabase();
        await using var store = file.Open();
        var texts = await AppendAsync(store, exchanges);
        var stored = StoredParts(file);
        var victim = stored[target % stored.Count];
        file.Execute($"UPDATE audit_parts SET body = CAST('{(victim + " (edited)").Replace("'", "''", StringComparison.Ordinal)}' AS BLOB) " +
            $"WHERE body = CAST('{victim.Replace("'", "''", StringComparison.Ordinal)}' AS BLOB)");

        long? firstBad = null;
        await foreach (var entry in store.ReadAllAsync(Token))
        {
            var index = int.Parse(entry.ExchangeId["ex-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var mine = entry.Kind == AuditEntryKinds.Intent ? texts[index].SkipLast(1) : [texts[index][^1]];
            var refers = mine.Contains(victim, StringComparer.Ordinal);
            Assert.Equal(!refers, BodyParts.Match(entry.BodyParts!, entry.BodyHash));
            firstBad ??= refers ? entry.Sequence : null;
        }

        var result = await new AuditVerifier(store).VerifyAsync(Token);
        Assert.Equal((firstBad, AuditProblem.BodyMismatch), (result.FirstBadSequence, result.Problem));
    }

    // Appends each exchange (intent and outcome) and returns, per exchange, its prompt pieces followed by its answer.
    private static async Task<List<string[]>> AppendAsync(SqliteStore store, (int[] Messages, int Answer)[] exchanges)
    {
        var texts = new List<string[]>();
        foreach (var (messages, answer) in exchanges)
        {
            var id = "ex-" + texts.Count;
            var pieces = messages.Select((m, i) => (i == 0 ? "" : "\n\n") + Messages[m]).ToArray();
            var intent = Exchanges.Intent(id, prompt: string.Concat(pieces)) with { PromptParts = pieces };
            await store.AppendAsync(
                [AuditEntryCodec.ForIntent(intent, Exchanges.Start), AuditEntryCodec.ForOutcome(Exchanges.Outcome(id, Answers[answer]), Exchanges.Start)],
                Token);
            texts.Add([.. pieces, Answers[answer]]);
        }

        await store.IndexTextAsync(Token);
        return texts;
    }

    private static List<string> StoredParts(TempDatabase file)
    {
        using var raw = file.OpenRaw();
        using var command = raw.CreateCommand();
        command.CommandText = "SELECT body FROM audit_parts";
        using var reader = command.ExecuteReader();
        var parts = new List<string>();
        while (reader.Read())
        {
            parts.Add(Encoding.UTF8.GetString((byte[])reader[0]));
        }

        return parts;
    }
}
