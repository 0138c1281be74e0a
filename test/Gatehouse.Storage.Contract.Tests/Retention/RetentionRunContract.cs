using System.Text.Json;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Contract.Tests.Audit;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>Old exchanges (day 0) and recent ones (day 10); the runs happen on day 10 with 30-day or shorter periods.</summary>
public abstract class RetentionRunContract : RetentionContract
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    protected override async Task SeedAsync(RetentionFixture f)
    {
        await f.ExchangeAsync("old-1");
        await f.ExchangeAsync("old-2", subject: "bob");
        await f.ExchangeAsync("old-3");
        await f.ExchangeAsync("old-4", connection: "anthropic");
        f.Time.Advance(10 * Day);
        await f.ExchangeAsync("new-1");
        await f.ExchangeAsync("new-2", connection: "anthropic");
    }

    [Fact]
    public async Task Run_BodiesOlderThanRetention_RemovedHashesKeptAndLogVerifies()
    {
        var f = await FixtureAsync();
        var report = await f.RunAsync(connections: new ConnectionRetention("openai", 5 * Day, null));

        Assert.Equal(6, report.BodiesRemoved);
        Assert.Null((await f.Store.GetExchangeAsync("old-1", Token))!.Intent.Prompt);
        Assert.NotNull((await f.Store.GetExchangeAsync("new-1", Token))!.Intent.Prompt);
        Assert.NotNull((await f.Store.GetExchangeAsync("old-4", Token))!.Intent.Prompt);
        var verified = await f.VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem.ToString());
        Assert.Equal(6, verified.BodiesRemoved);
    }

    [Fact]
    public async Task Run_RecordsOlderThanRetention_TombstonedAndBothVerifiersPass()
    {
        var f = await FixtureAsync();
        var report = await f.RunAsync(connections: new ConnectionRetention("openai", null, 5 * Day));

        Assert.Equal(6, report.EntriesTombstoned);
        Assert.Null(await f.Store.GetExchangeAsync("old-1", Token));
        Assert.NotNull(await f.Store.GetExchangeAsync("old-4", Token));
        var tombstones = (await f.EntriesAsync()).Where(Tombstones.Is).ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6], tombstones.Select(t => t.Sequence));
        Assert.All(tombstones, t => Assert.True(t is { ExchangeId: "", Payload.Length: 0, Body: null, BodyHash: null, Index.Subject: null, Index.Connection: null }));
        Assert.True((await f.VerifyAsync()).IsIntact);
        Assert.True((await new CheckpointAudit(f.Store, f.Key).VerifyAsync(Token)).IsIntact);
        Assert.True(report.Checkpoint!.TreeSize >= 6);
    }

    [Fact]
    public async Task Run_TombstoneHashTamperedAfterwards_VerifyNamesIt()
    {
        var f = await FixtureAsync();
        await f.RunAsync(connections: new ConnectionRetention("openai", null, 5 * Day));
        var zeros = Provider.ZeroBlob(32);
        await Provider.ExecuteAsync($"UPDATE audit_entries SET hash = {zeros} WHERE seq = 3; UPDATE audit_entries SET prev_hash = {zeros} WHERE seq = 4", Token);

        var result = await f.VerifyAsync();

        Assert.Equal((AuditProblem.TombstoneUnproven, 1L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task Run_LegalHoldOnExchange_KeepsExactlyThatExchange()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "old-3");

        var report = await f.RunAsync(connections: new ConnectionRetention("openai", Day, Day));

        Assert.Null(await f.Store.GetExchangeAsync("old-1", Token));
        Assert.Null(await f.Store.GetExchangeAsync("old-2", Token));
        var held = await f.Store.GetExchangeAsync("old-3", Token);
        Assert.Equal(Exchanges.Intent("old-3").Prompt, held!.Intent.Prompt);
        Assert.Equal("It is a null reference", held.Outcome!.Response);
        Assert.Equal(1, report.Connections[0].ExchangesHeld);
        Assert.Equal(["hold-1"], report.Holds);
        Assert.True((await f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Run_LegalHoldOnUser_KeepsExactlyTheirExchanges()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-bob", LegalHoldTarget.User, "bob@example.com");

        await f.RunAsync(connections: new ConnectionRetention("openai", Day, Day));

        Assert.NotNull((await f.Store.GetExchangeAsync("old-2", Token))!.Intent.Prompt);
        Assert.Null(await f.Store.GetExchangeAsync("old-1", Token));
        Assert.Null(await f.Store.GetExchangeAsync("old-3", Token));
    }

    [Fact]
    public async Task Run_AfterHoldReleased_RemovesWhatItKept()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "old-3");
        await f.RunAsync(connections: new ConnectionRetention("openai", null, Day));
        await f.Retention.ReleaseHoldAsync("hold-1", "counsel", f.Time.GetUtcNow(), Token);

        var report = await f.RunAsync(connections: new ConnectionRetention("openai", null, Day));

        Assert.Equal((2L, 0), (report.EntriesTombstoned, report.Connections[0].ExchangesHeld));
        Assert.Null(await f.Store.GetExchangeAsync("old-3", Token));
        Assert.True((await f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Run_PerConnectionPeriods_EachConnectionKeepsItsOwn()
    {
        var f = await FixtureAsync();
        var report = await f.RunAsync(connections:
        [
            new ConnectionRetention("openai", null, 5 * Day),
            new ConnectionRetention("anthropic", 5 * Day, null),
        ]);

        Assert.Null(await f.Store.GetExchangeAsync("old-1", Token));
        var kept = await f.Store.GetExchangeAsync("old-4", Token);
        Assert.NotNull(kept);
        Assert.Null(kept.Intent.Prompt);
        Assert.NotNull((await f.Store.GetExchangeAsync("new-2", Token))!.Intent.Prompt);
        Assert.Equal([(0L, 6L), (2L, 0L)], report.Connections.Select(c => (c.BodiesRemoved, c.EntriesTombstoned)));
    }

    [Fact]
    public async Task Run_IsAuditedWithCountsCheckpointAndHolds()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-1", LegalHoldTarget.User, "bob");

        var report = await f.RunAsync(connections: new ConnectionRetention("openai", Day, 5 * Day));

        var entries = await f.EntriesAsync();
        var run = entries[^1];
        Assert.Equal((RetentionEntryKinds.Run, report.Sequence), (run.Kind, (long?)run.Sequence));
        Assert.Contains(entries, e => e.Kind == RetentionEntryKinds.HoldPlaced && e.ExchangeId == "hold-1");
        using var payload = JsonDocument.Parse(run.Payload);
        var connection = payload.RootElement.GetProperty("connections")[0];
        Assert.Equal(("openai", 4L, 1), (connection.GetProperty("connection").GetString(), connection.GetProperty("entriesTombstoned").GetInt64(),
            connection.GetProperty("exchangesHeld").GetInt32()));
        Assert.Equal(report.Checkpoint!.TreeSize, payload.RootElement.GetProperty("checkpoint").GetProperty("treeSize").GetInt64());
        Assert.Equal("hold-1", payload.RootElement.GetProperty("holds")[0].GetString());
    }

    [Fact]
    public async Task Run_DryRun_ChangesNothingAndCountsWhatARealRunDoes()
    {
        var f = await FixtureAsync();
        ConnectionRetention[] plan = [new("openai", Day, 5 * Day), new("anthropic", Day, null)];
        var before = await f.EntriesAsync();

        var dry = await f.RunAsync(true, 500, plan);

        var after = await f.EntriesAsync();
        Assert.Equal(before.Select(Snapshot), after.Select(Snapshot));
        Assert.Empty(await f.Store.ReadCheckpointsAsync(Token));
        Assert.Null(dry.Sequence);
        var real = await f.RunAsync(false, 500, plan);
        Assert.Equal(
            real.Connections.Select(c => (c.BodiesRemoved, c.EntriesTombstoned, c.ExchangesHeld)),
            dry.Connections.Select(c => (c.BodiesRemoved, c.EntriesTombstoned, c.ExchangesHeld)));
    }

    [Fact]
    public async Task Run_BatchesSmallerThanTheWork_RemovesEverythingAndHonoursHolds()
    {
        var f = await FixtureAsync();
        await f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "old-2");

        var report = await f.RunAsync(false, 1, new ConnectionRetention("openai", Day, Day));

        Assert.Equal(4, report.EntriesTombstoned);
        Assert.NotNull(await f.Store.GetExchangeAsync("old-2", Token));
        Assert.True((await f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Run_RecordRetentionWithoutCheckpointKey_IsRefused()
    {
        var f = await FixtureAsync();
        var runner = new RetentionRunner(f.Retention, null, f.Time);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.RunAsync(new RetentionPlan([new ConnectionRetention("openai", null, Day)]), dryRun: false, Token));
        Assert.NotNull(await f.Store.GetExchangeAsync("old-1", Token));
    }

    private static string Snapshot(Gatehouse.Audit.Chain.AuditEntry e) =>
        $"{e.Sequence}|{e.Kind}|{e.ExchangeId}|{Convert.ToHexString(e.Hash)}|{(e.Body is null ? "-" : Convert.ToHexString(e.Body))}";
}
