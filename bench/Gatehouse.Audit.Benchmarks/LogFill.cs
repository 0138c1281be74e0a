using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Storage.Sqlite;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Fills a store with N entries (half intents, half outcomes, bodies present) in large batches.</summary>
internal static class LogFill
{
    private const int FillBatch = 10_000;

    public static readonly DateTimeOffset Time = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task FillAsync(SqliteStore store, int entries)
    {
        var drafts = new List<AuditEntryDraft>(FillBatch);
        for (var i = 0; i < entries; i += 2)
        {
            var id = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            drafts.Add(AuditEntryCodec.ForIntent(SampleExchanges.Intent(id), Time));
            drafts.Add(AuditEntryCodec.ForOutcome(SampleExchanges.Outcome(id), Time));
            if (drafts.Count >= FillBatch)
            {
                await store.AppendAsync(drafts, CancellationToken.None);
                drafts.Clear();
            }
        }

        await store.AppendAsync(drafts, CancellationToken.None);
    }
}
