using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite.Tests.Support;

namespace Gatehouse.Storage.Sqlite.Tests.Search;

public sealed class SearchPagingTests : OneStore
{
    [Fact]
    public async Task Search_PagingWhileOthersAppend_ReturnsEveryEarlierExchangeOnceInOrder()
    {
        var existing = Enumerable.Range(0, 120).Select(i => $"old-{i:D3}").ToList();
        foreach (var batch in existing.Chunk(10))
        {
            await Store.AppendAsync([.. batch.Select(id => AuditEntryCodec.ForIntent(Exchanges.Intent(id, prompt: "needle " + id), Exchanges.Start))], Token);
        }

        using var stop = new CancellationTokenSource();
        var appender = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var id = $"new-{i}";
                await Store.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent(id, prompt: "needle " + id), Exchanges.Start)], CancellationToken.None);
            }
        }, Token);

        var seen = new List<string>();
        var query = new ExchangeQuery { Text = "needle", Limit = 7 };
        var firstPage = true;
        do
        {
            var page = await Store.SearchAsync(query, Token);
            seen.AddRange(page.Items.Select(r => r.ExchangeId).Where(id => !firstPage || id.StartsWith("old-", StringComparison.Ordinal)));
            Assert.True(ExchangeCursor.TryDecode(page.NextCursor, out var before));
            query = query with { Before = before };
            firstPage = false;
            await Task.Yield();
        }
        while (query.Before is not null);

        await stop.CancelAsync();
        await appender;
        var old = seen.Where(id => id.StartsWith("old-", StringComparison.Ordinal)).ToList();
        Assert.Equal(existing.AsEnumerable().Reverse(), old);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }
}
