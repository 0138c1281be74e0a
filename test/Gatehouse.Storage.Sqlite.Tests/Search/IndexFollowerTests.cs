using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Tests.Support;
using Gatehouse.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Storage.Sqlite.Tests.Search;

/// <summary>
/// The full-text index follows the log in passes at most <see cref="PartIndexFollower.PassInterval"/> apart, so that
/// one pass (one commit) indexes every append of the interval instead of one pass per append batch.
/// </summary>
public sealed class IndexFollowerTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _fake = new(Exchanges.Start);
    private readonly TimerWatch _clock;

    public IndexFollowerTests() => _clock = new TimerWatch(_fake, _fake.Advance);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Appends_SoonAfterAPass_AreIndexedTogetherOnceTheIntervalHasPassed()
    {
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = _database.Path, TimeProvider = _clock });
        await WaitingAfterAPassAsync(store);

        await AppendAsync(store, "ex-3", "third question");
        await AppendAsync(store, "ex-4", "fourth question");

        Assert.True(await store.IndexedPartsThroughAsync(Token) < MaxPart(), "indexed while the follower waits out its interval");
        Assert.True(_clock.AdvanceToNextTimer(PartIndexFollower.PassInterval));
        await Eventually.UntilAsync(async () => await store.IndexedPartsThroughAsync(Token) == MaxPart(), "the next pass indexes both appends");
    }

    [Fact]
    public async Task TextSearch_WhileTheFollowerWaits_FindsTheLatestExchange()
    {
        await using var store = SqliteStore.Open(new SqliteStoreOptions { Path = _database.Path, TimeProvider = _clock });
        await WaitingAfterAPassAsync(store);

        await AppendAsync(store, "ex-3", "a question about zeppelins");

        var page = await store.SearchAsync(new ExchangeQuery { Text = "zeppelins" }, Token);
        Assert.Equal(["ex-3"], page.Items.Select(i => i.ExchangeId));
    }

    // Indexes a first exchange, then appends a second and returns once the follower is parked on its interval's timer.
    private async Task WaitingAfterAPassAsync(SqliteStore store)
    {
        await AppendAsync(store, "ex-1", "first question");
        var first = MaxPart();
        await Eventually.UntilAsync(async () =>
        {
            _clock.AdvanceToNextTimer(PartIndexFollower.PassInterval);
            return await store.IndexedPartsThroughAsync(Token) >= first;
        }, "the index covers the first exchange");

        await AppendAsync(store, "ex-2", "second question");
        await Eventually.UntilAsync(() => _clock.Armed(PartIndexFollower.PassInterval) == 1, "the follower waits out its interval");
    }

    private static Task AppendAsync(SqliteStore store, string id, string prompt) => store.AppendAsync(
        [AuditEntryCodec.ForIntent(Exchanges.Intent(id, prompt: prompt), Exchanges.Start), AuditEntryCodec.ForOutcome(Exchanges.Outcome(id, $"answer to {id}"), Exchanges.Start)],
        Token);

    private long MaxPart()
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(id), 0) FROM audit_parts";
        return (long)command.ExecuteScalar()!;
    }
}
