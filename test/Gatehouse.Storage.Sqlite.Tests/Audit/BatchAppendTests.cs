using CsCheck;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Tests.Audit;

/// <summary>A batch's entries and part references go in one multi-row statement each, prepared once per row count.</summary>
public sealed class BatchAppendTests : IDisposable
{
    private const string SystemPrompt = "[system]\nYou review pull requests.";

    private readonly TempDatabase _database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Append_AnyBatchOfMixedRecords_LandsAsOneRowEachInOneChainThatVerifies()
    {
        // Each record of a batch: 0 a new intent of two parts, 1 the outcome of an intent of the same batch, 2 the outcome
        // of an intent of an earlier batch, 3 a new intent of one part, 4 an interrupted ending (no body). Sizes run past two
        // statements' worth of rows (RowInserts.MaxRows).
        var batches = Gen.Int[0, 4].Array[1, 2 * RowInserts.MaxRows + 7].Array[1, 4];
        var run = 0;
        await batches.ForAllAsync(async scenario => await CheckAsync(scenario, run++), iter: 8);
    }

    [Fact]
    public async Task Append_BatchesOfEverySize_PrepareOneStatementPerRowCountAndNoMore()
    {
        await _database.Open().DisposeAsync();
        using var connection = _database.OpenRaw();
        var next = 0;
        for (var size = 1; size <= 3 * RowInserts.MaxRows; size++)
        {
            using var transaction = connection.BeginTransaction();
            var drafts = Enumerable.Range(0, size)
                .Select(_ => AuditEntryCodec.ForIntent(Exchanges.Intent("ex-" + next++, prompt: "question " + next), Exchanges.Start))
                .ToList();
            await AuditAppender.AppendInAsync(connection, transaction, drafts, Token);
            transaction.Commit();
        }

        using (var transaction = connection.BeginTransaction())
        {
            var statements = AppendStatements.For(connection, transaction);
            Assert.Equal(RowInserts.MaxRows, statements.Entries.Prepared);
            Assert.Equal(RowInserts.MaxRows, statements.References.Prepared);
            transaction.Rollback();
        }

        Assert.Equal((long)next, Scalar(connection, "SELECT count(*) FROM audit_entries"));
        Assert.Equal((long)next, Scalar(connection, "SELECT count(*) FROM audit_entry_parts"));
        connection.Close();
        await using var store = _database.Open();
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    [Fact]
    public void Sql_RowCountOutsideTheCache_IsRefused()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        var inserts = new RowInserts(connection, "audit_entry_parts", "seq, ord, part_id, exchange_seq");

        Assert.Equal(
            "INSERT INTO audit_entry_parts (seq, ord, part_id, exchange_seq) VALUES (@seq_0, @ord_0, @part_id_0, @exchange_seq_0), (@seq_1, @ord_1, @part_id_1, @exchange_seq_1)",
            inserts.Sql(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => inserts.Sql(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => inserts.Sql(RowInserts.MaxRows + 1));
    }

    private async Task CheckAsync(int[][] scenario, int run)
    {
        using var database = new TempDatabase();
        await using var store = database.Open();
        var open = new Queue<string>();
        var intents = new Dictionary<string, long>(StringComparer.Ordinal);
        var expectedReferences = 0L;
        var head = 0L;
        for (var b = 0; b < scenario.Length; b++)
        {
            var drafts = Batch(scenario[b], $"r{run}-b{b}", open);
            var entries = await store.AppendAsync(drafts, Token);

            Assert.Equal(Enumerable.Range(1, drafts.Count).Select(i => head + i), entries.Select(e => e.Sequence));
            head += drafts.Count;
            Assert.Equal(head, (await store.GetHeadAsync(Token))!.Sequence);
            var stored = await store.ReadAfterAsync(head - drafts.Count, drafts.Count + 1, Token);
            Assert.Equal(entries.Select(e => Convert.ToHexString(e.Hash)), stored.Select(e => Convert.ToHexString(e.Hash)));
            foreach (var entry in entries.Where(e => e.Kind == AuditEntryKinds.Intent))
            {
                intents[entry.ExchangeId] = entry.Sequence;
            }

            expectedReferences += entries.Sum(e => e.BodyParts?.Count ?? 0);
            using var connection = database.OpenRaw();
            Assert.Equal(expectedReferences, Scalar(connection, "SELECT count(*) FROM audit_entry_parts"));

            // Every reference names its exchange's intent, whether the intent came in this batch or an earlier one.
            foreach (var outcome in entries.Where(e => e.Kind == AuditEntryKinds.Outcome && e.BodyParts is not null))
            {
                Assert.Equal(
                    intents[outcome.ExchangeId],
                    Scalar(connection, $"SELECT exchange_seq FROM audit_entry_parts WHERE seq = {outcome.Sequence} AND ord = 0"));
            }
        }

        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
        var found = await store.SearchAsync(new ExchangeQuery { Group = "dev", Limit = 500 }, Token);
        Assert.Equal(intents.Count, found.Items.Count);
    }

    private static List<AuditEntryDraft> Batch(int[] kinds, string prefix, Queue<string> open)
    {
        var drafts = new List<AuditEntryDraft>();
        var openHere = new Queue<string>();
        for (var i = 0; i < kinds.Length; i++)
        {
            var id = $"{prefix}-{i}";
            switch (kinds[i])
            {
                case 1 when openHere.Count > 0:
                    drafts.Add(AuditEntryCodec.ForOutcome(Exchanges.Outcome(openHere.Dequeue(), "answer " + id), Exchanges.Start));
                    break;
                case 2 when open.Count > 0:
                    drafts.Add(AuditEntryCodec.ForOutcome(Exchanges.Outcome(open.Dequeue(), "late answer " + id), Exchanges.Start));
                    break;
                case 4 when open.Count > 0:
                    drafts.Add(AuditEntryCodec.ForInterrupted(open.Dequeue(), Exchanges.Start));
                    break;
                case 3:
                    drafts.Add(AuditEntryCodec.ForIntent(Exchanges.Intent(id, prompt: "one piece " + id), Exchanges.Start));
                    openHere.Enqueue(id);
                    break;
                default:
                    string[] pieces = [SystemPrompt, "\n\n[user]\nquestion " + id];
                    drafts.Add(AuditEntryCodec.ForIntent(Exchanges.Intent(id, prompt: string.Concat(pieces)) with { PromptParts = pieces }, Exchanges.Start));
                    openHere.Enqueue(id);
                    break;
            }
        }

        foreach (var id in openHere)
        {
            open.Enqueue(id);
        }

        return drafts;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
