using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gatehouse.Audit.Payloads;
using Gatehouse.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>
/// Store bytes per exchange for agent-shaped conversations, bodies in parts against bodies stored whole, and how soon
/// an acknowledged exchange's new text is in the full-text index.
/// </summary>
internal static class AgentStoreRun
{
    private const int Turns = 20;

    public static async Task RunAsync(string directory, int sessions)
    {
        var system = AgentConversation.Text(new Seeded(7), 40 * 1024);
        var parted = await FillAsync(Path.Combine(directory, "parts.db"), system, sessions, wholeBodies: false);
        var whole = await FillAsync(Path.Combine(directory, "whole.db"), system, sessions, wholeBodies: true);
        var exchanges = sessions * Turns;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent store: {sessions} session(s) x {Turns} turns, 40 KB system prompt; requests+responses {parted.Logical / 1024.0:N0} KB, distinct content {parted.Distinct / 1024.0:N0} KB"));
        Report("bodies in parts", parted, exchanges);
        Report("bodies whole (schema 7 row layout, its text index not counted)", whole, exchanges);

        var fresh = parted.Freshness.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent store: search freshness (append acknowledged -> new part indexed) p50 {Percentile(fresh, 0.50):N1} ms, p99 {Percentile(fresh, 0.99):N1} ms, max {fresh[^1]:N1} ms over {fresh.Length} exchanges"));
    }

    private static void Report(string name, Fill fill, int exchanges) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"agent store: {name}: {fill.StoreBytes / 1024.0:N0} KB (db + wal after checkpoint), {fill.StoreBytes / (double)exchanges / 1024.0:N1} KB per exchange against {fill.Logical / (double)exchanges / 1024.0:N1} KB of request+response; {fill.StoreBytes / (double)fill.Distinct:N2}x the distinct content"));

    private static async Task<Fill> FillAsync(string path, string system, int sessions, bool wholeBodies)
    {
        var freshness = new List<double>();
        long logical = 0;
        var distinct = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var store = SqliteStore.Open(path))
        using (var probe = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            probe.Open();
            for (var session = 0; session < sessions; session++)
            {
                var turn = 0;
                foreach (var (pieces, answer) in new AgentConversation(system, 1000 + session).Turns(Turns))
                {
                    var id = string.Create(CultureInfo.InvariantCulture, $"s{session:D3}-t{turn++:D2}");
                    var prompt = string.Concat(pieces);
                    var intent = SampleExchanges.Intent(id) with { Prompt = prompt, PromptParts = pieces, RequestBytes = prompt.Length };
                    var outcome = SampleExchanges.Outcome(id) with { Response = answer };
                    var drafts = new[] { AuditEntryCodec.ForIntent(intent, intent.StartedAt), AuditEntryCodec.ForOutcome(outcome, intent.StartedAt) };
                    foreach (var piece in pieces.Append(answer))
                    {
                        distinct.TryAdd(piece, Encoding.UTF8.GetByteCount(piece));
                    }

                    logical += Encoding.UTF8.GetByteCount(prompt) + Encoding.UTF8.GetByteCount(answer);
                    if (wholeBodies)
                    {
                        // The row layout before parts: each body whole in its entry (one part's hash is the body's hash).
                        await store.AppendAsync([.. drafts.Select(d => d with { BodyParts = null, BodyHash = SHA256.HashData(d.Body!) })], CancellationToken.None);
                        continue;
                    }

                    await store.AppendAsync(drafts, CancellationToken.None);
                    freshness.Add(await WaitIndexedAsync(probe, pieces[^1]));
                }
            }
        }

        SqliteConnection.ClearAllPools();
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }

        var wal = new FileInfo(path + "-wal");
        return new Fill(new FileInfo(path).Length + (wal.Exists ? wal.Length : 0), logical, distinct.Values.Sum(), freshness);
    }

    // Polls the index cursor from outside the store, as a second reader would, until it covers the turn's new message.
    private static async Task<double> WaitIndexedAsync(SqliteConnection probe, string newest)
    {
        var clock = Stopwatch.StartNew();
        using var command = probe.CreateCommand();
        command.CommandText = """
            SELECT (SELECT position FROM audit_index_cursor WHERE name = 'parts') >= (SELECT id FROM audit_parts WHERE hash = @hash)
            """;
        command.Parameters.AddWithValue("@hash", SHA256.HashData(Encoding.UTF8.GetBytes(newest)));
        while (command.ExecuteScalar() is not 1L)
        {
            await Task.Delay(1);
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed record Fill(long StoreBytes, long Logical, long Distinct, List<double> Freshness);
}
