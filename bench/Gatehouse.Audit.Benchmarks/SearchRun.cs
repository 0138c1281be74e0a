using System.Diagnostics;
using System.Globalization;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>Search latency over a filled log: a store of N exchanges by 100 users, one of which carries a rare word.</summary>
internal static class SearchRun
{
    public static async Task RunAsync(string directory, int exchanges)
    {
        await using var store = SqliteStore.Open(Path.Combine(directory, "search.db"));
        var fill = Stopwatch.StartNew();
        var drafts = new List<AuditEntryDraft>(10_000);
        for (var i = 0; i < exchanges; i++)
        {
            var id = i.ToString("D8", CultureInfo.InvariantCulture);
            var user = "user-" + (i % 100).ToString(CultureInfo.InvariantCulture);
            var intent = SampleExchanges.Intent(id) with
            {
                StartedAt = LogFill.Time.AddSeconds(i),
                Identity = new Records.AuditIdentity(user, user + "@example.com", ["dev", i % 10 == 0 ? "payments" : "web"], null, null, "oidc"),
                Prompt = i == exchanges / 2 ? "rotate the zanzibar webhook secret" : SampleExchanges.Intent(id).Prompt,
            };
            drafts.Add(AuditEntryCodec.ForIntent(intent, intent.StartedAt));
            drafts.Add(AuditEntryCodec.ForOutcome(SampleExchanges.Outcome(id), intent.StartedAt.AddSeconds(1)));
            if (drafts.Count >= 10_000)
            {
                await store.AppendAsync(drafts, CancellationToken.None);
                drafts.Clear();
            }
        }

        await store.AppendAsync(drafts, CancellationToken.None);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"search: filled {exchanges:N0} exchanges in {fill.Elapsed.TotalSeconds:N1} s"));

        var middle = LogFill.Time.AddSeconds(exchanges / 2);
        await TimeAsync(store, "first page, no filter", new ExchangeQuery());
        await TimeAsync(store, "user + hour + rare word", new ExchangeQuery { User = "user-0", From = middle.AddMinutes(-30), To = middle.AddMinutes(30), Text = "zanzibar" });
        await TimeAsync(store, "rare word alone", new ExchangeQuery { Text = "zanzibar" });
        await TimeAsync(store, "common word", new ExchangeQuery { Text = "streaming" });
        await TimeAsync(store, "group (1 in 10)", new ExchangeQuery { Group = "payments" });
        await TimeAsync(store, "user (1 in 100), deep page", new ExchangeQuery { User = "user-7", Before = exchanges });
    }

    private static async Task TimeAsync(SqliteStore store, string name, ExchangeQuery query)
    {
        var page = await store.SearchAsync(query, CancellationToken.None);
        const int Runs = 5;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Runs; i++)
        {
            await store.SearchAsync(query, CancellationToken.None);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"search: {name}: {clock.Elapsed.TotalMilliseconds / Runs:N1} ms per page of {page.Items.Count}"));
    }
}
