using System.Text.Json;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Verification;

namespace Gatehouse.Storage.Sqlite.Tests.Retention;

/// <summary>Old exchanges (day 0) and recent ones (day 10); the runs happen on day 10 with 30-day or shorter periods.</summary>
public sealed class RetentionRunTests : IAsyncLifetime
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private readonly RetentionFixture _f = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _f.ExchangeAsync("old-1");
        await _f.ExchangeAsync("old-2", subject: "bob");
        await _f.ExchangeAsync("old-3");
        await _f.ExchangeAsync("old-4", connection: "anthropic");
        _f.Time.Advance(10 * Day);
        await _f.ExchangeAsync("new-1");
        await _f.ExchangeAsync("new-2", connection: "anthropic");
    }

    public ValueTask DisposeAsync() => _f.DisposeAsync();

    [Fact]
    public async Task Run_BodiesOlderThanRetention_RemovedHashesKeptAndLogVerifies()
    {
        var report = await _f.RunAsync(connections: new ConnectionRetention("openai", 5 * Day, null));

        Assert.Equal(6, report.BodiesRemoved);
        Assert.Null((await _f.Store.GetExchangeAsync("old-1", Token))!.Intent.Prompt);
        Assert.NotNull((await _f.Store.GetExchangeAsync("new-1", Token))!.Intent.Prompt);
        Assert.NotNull((await _f.Store.GetExchangeAsync("old-4", Token))!.Intent.Prompt);
        var verified = await _f.VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem.ToString());
        Assert.Equal(6, verified.BodiesRemoved);
    }

    [Fact]
    public async Task Run_RecordsOlderThanRetention_TombstonedAndBothVerifiersPass()
    {
        var report = await _f.RunAsync(connections: new ConnectionRetention("openai", null, 5 * Day));

        Assert.Equal(6, report.EntriesTombstoned);
        Assert.Null(await _f.Store.GetExchangeAsync("old-1", Token));
        Assert.NotNull(await _f.Store.GetExchangeAsync("old-4", Token));
        var tombstones = (await _f.EntriesAsync()).Where(Tombstones.Is).ToList();
        Assert.Equal([1L, 2, 3, 4, 5, 6], tombstones.Select(t => t.Sequence));
        Assert.All(tombstones, t => Assert.True(t is { ExchangeId: "", Payload.Length: 0, Body: null, BodyHash: null, Index.Subject: null, Index.Connection: null }));
        Assert.True((await _f.VerifyAsync()).IsIntact);
        Assert.True((await new CheckpointAudit(_f.Store, _f.Key).VerifyAsync(Token)).IsIntact);
        Assert.True(report.Checkpoint!.TreeSize >= 6);
    }

    [Fact]
    public async Task Run_TombstoneHashTamperedAfterwards_VerifyNamesIt()
    {
        await _f.RunAsync(connections: new ConnectionRetention("openai", null, 5 * Day));
        _f.Database.Execute("UPDATE audit_entries SET hash = zeroblob(32) WHERE seq = 3; UPDATE audit_entries SET prev_hash = zeroblob(32) WHERE seq = 4");

        var result = await _f.VerifyAsync();

        Assert.Equal((AuditProblem.TombstoneUnproven, 1L), (result.Problem, result.FirstBadSequence));
    }

    [Fact]
    public async Task Run_LegalHoldOnExchange_KeepsExactlyThatExchange()
    {
        await _f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "old-3");

        var report = await _f.RunAsync(connections: new ConnectionRetention("openai", Day, Day));

        Assert.Null(await _f.Store.GetExchangeAsync("old-1", Token));
        Assert.Null(await _f.Store.GetExchangeAsync("old-2", Token));
        var held = await _f.Store.GetExchangeAsync("old-3", Token);
        Assert.Equal("Explain this stack trace", held!.Intent.Prompt);
        Assert.Equal("It is a null reference", held.Outcome!.Response);
        Assert.Equal(1, report.Connections[0].ExchangesHeld);
        Assert.Equal(["hold-1"], report.Holds);
        Assert.True((await _f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Run_LegalHoldOnUser_KeepsExactlyTheirExchanges()
    {
        await _f.PlaceHoldAsync("hold-bob", LegalHoldTarget.User, "bob@example.com");

        await _f.RunAsync(connections: new ConnectionRetention("openai", Day, Day));

        Assert.NotNull((await _f.Store.GetExchangeAsync("old-2", Token))!.Intent.Prompt);
        Assert.Null(await _f.Store.GetExchangeAsync("old-1", Token));
        Assert.Null(await _f.Store.GetExchangeAsync("old-3", Token));
    }

    [Fact]
    public async Task Run_AfterHoldReleased_RemovesWhatItKept()
    {
        await _f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "old-3");
        await _f.RunAsync(connections: new ConnectionRetention("openai", null, Day));
        await _f.Retention.ReleaseHoldAsync("hold-1", "counsel", _f.Time.GetUtcNow(), Token);

        var report = await _f.RunAsync(connections: new ConnectionRetention("openai", null, Day));

        Assert.Equal((2L, 0), (report.EntriesTombstoned, report.Connections[0].ExchangesHeld));
        Assert.Null(await _f.Store.GetExchangeAsync("old-3", Token));
        Assert.True((await _f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Run_PerConnectionPeriods_EachConnectionKeepsItsOwn()
    {
        var report = await _f.RunAsync(connections:
        [
            new ConnectionRetention("openai", null, 5 * Day),
            new ConnectionRetention("anthropic", 5 * Day, null),
        ]);

        Assert.Null(await _f.Store.GetExchangeAsync("old-1", Token));
        var kept = await _f.Store.GetExchangeAsync("old-4", Token);
        Assert.NotNull(kept);
        Assert.Null(kept.Intent.Prompt);
        Assert.NotNull((await _f.Store.GetExchangeAsync("new-2", Token))!.Intent.Prompt);
        Assert.Equal([(0L, 6L), (2L, 0L)], report.Connections.Select(c => (c.BodiesRemoved, c.EntriesTombstoned)));
    }

    [Fact]
    public async Task Run_IsAuditedWithCountsCheckpointAndHolds()
    {
        await _f.PlaceHoldAsync("hold-1", LegalHoldTarget.User, "bob");

        var report = await _f.RunAsync(connections: new ConnectionRetention("openai", Day, 5 * Day));

        var entries = await _f.EntriesAsync();
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
        ConnectionRetention[] plan = [new("openai", Day, 5 * Day), new("anthropic", Day, null)];
        var before = await _f.EntriesAsync();

        var dry = await _f.RunAsync(true, 500, plan);

        var after = await _f.EntriesAsync();
        Assert.Equal(before.Select(Snapshot), after.Select(Snapshot));
        Assert.Empty(await _f.Store.ReadCheckpointsAsync(Token));
        Assert.Null(dry.Sequence);
        var real = await _f.RunAsync(false, 500, plan);
        Assert.Equal(
            real.Connections.Select(c => (c.BodiesRemoved, c.EntriesTombstoned, c.ExchangesHeld)),
            dry.Connections.Select(c => (c.BodiesRemoved, c.EntriesTombstoned, c.ExchangesHeld)));
    }

    [Fact]
    public async Task Run_BatchesSmallerThanTheWork_RemovesEverythingAndHonoursHolds()
    {
        await _f.PlaceHoldAsync("hold-1", LegalHoldTarget.Exchange, "old-2");

        var report = await _f.RunAsync(false, 1, new ConnectionRetention("openai", Day, Day));

        Assert.Equal(4, report.EntriesTombstoned);
        Assert.NotNull(await _f.Store.GetExchangeAsync("old-2", Token));
        Assert.True((await _f.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Run_RecordRetentionWithoutCheckpointKey_IsRefused()
    {
        var runner = new RetentionRunner(_f.Retention, null, _f.Time);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            runner.RunAsync(new RetentionPlan([new ConnectionRetention("openai", null, Day)]), dryRun: false, Token));
        Assert.NotNull(await _f.Store.GetExchangeAsync("old-1", Token));
    }

    private static string Snapshot(Gatehouse.Audit.Chain.AuditEntry e) =>
        $"{e.Sequence}|{e.Kind}|{e.ExchangeId}|{Convert.ToHexString(e.Hash)}|{(e.Body is null ? "-" : Convert.ToHexString(e.Body))}";
}
