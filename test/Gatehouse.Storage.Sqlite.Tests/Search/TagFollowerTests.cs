using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Search;

/// <summary>
/// The search tags follow the log (<see cref="TagIndexer"/>, schema 14) instead of being written by each append, and a
/// search by a tag catches up first, so no filter misses an acknowledged exchange.
/// </summary>
public sealed class TagFollowerTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _fake = new(Exchanges.Start);
    private readonly TimerWatch _clock;

    public TagFollowerTests() => _clock = new TimerWatch(_fake, _fake.Advance);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Append_WritesNoTagsInItsOwnTransaction_TheFollowerTagsEveryEntryAfter()
    {
        await _database.Open().DisposeAsync();
        using (var connection = _database.OpenRaw())
        {
            using var transaction = connection.BeginTransaction();
            await AuditAppender.AppendInAsync(connection, transaction, Exchange("ex-1"), Token);
            transaction.Commit();
            Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM audit_tags"));
        }

        await using var store = _database.Open();
        await Eventually.UntilAsync(async () => await store.TaggedThroughAsync(Token) == 2, "the follower's first pass tags both entries");
        Assert.Equal(["ex-1"], await IdsAsync(store, new ExchangeQuery { Group = "dev", Status = 200 }));
    }

    [Fact]
    public async Task Steps_GivenATarget_StopThereThoughTheLogHasGrownPastIt()
    {
        await _database.Open().DisposeAsync();
        using var connection = _database.OpenRaw();
        using var transaction = connection.BeginTransaction();
        foreach (var id in new[] { "ex-1", "ex-2", "ex-3" })
        {
            await AuditAppender.AppendInAsync(connection, transaction, Exchange(id), Token);
        }

        // A catch-up that started when the log held two exchanges covers those, not the appends made since.
        Assert.Equal(4, await TagIndexer.StepInAsync(connection, transaction, through: 4, Token));
        Assert.Equal(0, await TagIndexer.StepInAsync(connection, transaction, through: 4, Token));
        Assert.Equal(4, await PartIndexer.StepInAsync(connection, transaction, through: 4, Token));
        Assert.Equal(0, await PartIndexer.StepInAsync(connection, transaction, through: 4, Token));
        Assert.Equal(3L, Scalar(connection, "SELECT max(seq) FROM audit_tags"));
        Assert.Equal(2, await TagIndexer.StepInAsync(connection, transaction, through: 6, Token));
        transaction.Commit();
    }

    [Fact]
    public async Task TagSearch_WhileTheFollowerWaits_FindsTheLatestExchange()
    {
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = _database.Path, TimeProvider = _clock });
        await store.AppendAsync(Exchange("ex-1"), Token);
        await Eventually.UntilAsync(async () =>
        {
            _clock.AdvanceToNextTimer(PartIndexFollower.PassInterval);
            return await store.TaggedThroughAsync(Token) == 2;
        }, "the follower tags the first exchange");
        await store.AppendAsync(Exchange("ex-2"), Token);
        await Eventually.UntilAsync(() => _clock.Armed(PartIndexFollower.PassInterval) == 1, "the follower waits out its interval");

        Assert.Equal(2L, await store.TaggedThroughAsync(Token));
        Assert.Equal(["ex-2", "ex-1"], await IdsAsync(store, new ExchangeQuery { Status = 200 }));
        Assert.Equal(4L, await store.TaggedThroughAsync(Token));
    }

    [Fact]
    public async Task Open_StoreWrittenByVersion13_KeepsItsTagsAndTagsNewEntries()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(_database.Path)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "v13-store.db"), _database.Path, overwrite: true);
        await using var store = _database.Open();
        using (var connection = _database.OpenRaw())
        {
            Assert.Equal((long)Database.Schema.CurrentVersion, Scalar(connection, "SELECT version FROM schema_version"));
            Assert.Equal(6L, Scalar(connection, "SELECT position FROM audit_index_cursor WHERE name = 'tags'"));
        }

        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
        Assert.Equal(["v13-2"], await IdsAsync(store, new ExchangeQuery { Group = "ops" }));
        Assert.Equal(["v13-3", "v13-1"], await IdsAsync(store, new ExchangeQuery { Status = 200 }));
        Assert.Equal(["v13-3", "v13-2", "v13-1"], await IdsAsync(store, new ExchangeQuery { Text = "review" }));

        await store.AppendAsync(Exchange("new-1"), Token);
        Assert.Equal(["new-1", "v13-3", "v13-1"], await IdsAsync(store, new ExchangeQuery { Group = "dev", Status = 200 }));
        Assert.Equal(8L, await store.TaggedThroughAsync(Token));
        Assert.True((await new AuditVerifier(store).VerifyAsync(Token)).IsIntact);
    }

    private static IReadOnlyList<AuditEntryDraft> Exchange(string id) =>
    [
        AuditEntryCodec.ForIntent(Exchanges.Intent(id, prompt: "question " + id), Exchanges.Start),
        AuditEntryCodec.ForOutcome(Exchanges.Outcome(id, "answer to " + id), Exchanges.Start),
    ];

    private static async Task<string[]> IdsAsync(SqliteStore store, ExchangeQuery query)
        => [.. (await store.SearchAsync(query, Token)).Items.Select(r => r.ExchangeId)];

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
