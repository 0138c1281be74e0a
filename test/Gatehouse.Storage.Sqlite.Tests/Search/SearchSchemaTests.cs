using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite.Tests.Support;

namespace Gatehouse.Storage.Sqlite.Tests.Search;

public sealed class SearchSchemaTests : IDisposable
{
    private readonly TempDatabase _database = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Open_DatabaseWrittenBeforeSearch_BackfillsTextAndTags()
    {
        await using (var store = _database.Open())
        {
            await store.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent("old-1", prompt: "rotate the signing key"), Exchanges.Start)], Token);
            await store.AppendAsync([AuditEntryCodec.ForOutcome(Exchanges.Outcome("old-1", "Rotated with zero downtime"), Exchanges.Start)], Token);
        }

        // A version-3 file: the same rows, without the search tables.
        _database.Execute("DROP TABLE audit_text; DROP TABLE audit_tags; UPDATE schema_version SET version = 3;");

        await using var upgraded = _database.Open();

        Assert.Equal(["old-1"], await Ids(upgraded, new ExchangeQuery { Text = "downtime signing" }));
        Assert.Equal(["old-1"], await Ids(upgraded, new ExchangeQuery { Group = "dev", Status = 200, Decision = "allow" }));
    }

    [Fact]
    public async Task DeleteTextBySequence_RemovesOnlyThatBodyFromTheIndex()
    {
        await using var store = _database.Open();
        var intent = await store.AppendAsync([AuditEntryCodec.ForIntent(Exchanges.Intent("ex-1", prompt: "alpha"), Exchanges.Start)], Token);
        await store.AppendAsync([AuditEntryCodec.ForOutcome(Exchanges.Outcome("ex-1", "omega"), Exchanges.Start)], Token);

        // What retention runs once it has removed the prompt's body: the prompt's parts leave the index by their ids.
        await store.IndexTextAsync(Token);
        _database.Execute($"DELETE FROM audit_part_text WHERE rowid IN (SELECT part_id FROM audit_entry_parts WHERE seq = {intent[0].Sequence})");

        Assert.Empty(await Ids(store, new ExchangeQuery { Text = "alpha" }));
        Assert.Equal(["ex-1"], await Ids(store, new ExchangeQuery { Text = "omega" }));
    }

    private static async Task<string[]> Ids(SqliteStore store, ExchangeQuery query)
        => [.. (await store.SearchAsync(query, Token)).Items.Select(r => r.ExchangeId)];
}
