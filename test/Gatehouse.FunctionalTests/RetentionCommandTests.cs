using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Retention with a legal hold, end to end through the command line: exchanges 400 days old (alice's and bob's), one 40
/// days old and one from today, on a connection that keeps bodies 30 days and records 365 days; bob is on hold.
/// </summary>
public sealed class RetentionCommandTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-retention-").FullName;

    private string Db => Path.Combine(_directory, "gatehouse.db");

    private string Config => Path.Combine(_directory, "gatehouse.yaml");

    private string PublicKey => Path.Combine(_directory, "checkpoint.pub.pem");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        await using (var store = SqliteStore.Open(Db))
        {
            await AppendAsync(store, "old-alice", "alice", now.AddDays(-400));
            await AppendAsync(store, "old-bob", "bob", now.AddDays(-400));
            await AppendAsync(store, "month-old", "alice", now.AddDays(-40));
            await AppendAsync(store, "today", "alice", now);
        }

        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "keygen", "--out", Path.Combine(_directory, "checkpoint.pem"))).ExitCode);
        await File.WriteAllTextAsync(Config, $"""
            storage: {"{"} sqlite: {Db} {"}"}
            connections:
              - name: openai
                upstream: https://api.example.com
                retention: {"{"} bodies: 30d, records: 365d {"}"}
            audit:
              checkpoints: {"{"} key: {Path.Combine(_directory, "checkpoint.pem")} {"}"}
            """, Token);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task RetentionRun_WithLegalHoldOnAUser_KeepsTheirRecordsAndTheLogStillVerifies()
    {
        var hold = await GatehouseCommand.RunAsync("audit", "hold", "add", "--user", "bob", "--reason", "matter 7", "--config", Config);
        Assert.True(hold.ExitCode == 0, hold.Error);

        var dry = await GatehouseCommand.RunAsync("audit", "retention", "run", "--dry-run", "--config", Config);
        var dryShow = await GatehouseCommand.RunAsync("audit", "show", "old-alice", "--config", Config);
        var run = await GatehouseCommand.RunAsync("audit", "retention", "run", "--config", Config);

        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("dry run", dry.Output, StringComparison.Ordinal);
        Assert.Equal(0, dryShow.ExitCode);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("audited at entry", run.Output, StringComparison.Ordinal);
        Assert.Equal(1, (await GatehouseCommand.RunAsync("audit", "show", "old-alice", "--config", Config)).ExitCode);
        var bob = await GatehouseCommand.RunAsync("audit", "show", "old-bob", "--json", "--config", Config);
        Assert.Contains("prompt of old-bob", bob.Output, StringComparison.Ordinal);
        var monthOld = await GatehouseCommand.RunAsync("audit", "show", "month-old", "--json", "--config", Config);
        Assert.Equal(0, monthOld.ExitCode);
        Assert.DoesNotContain("prompt of month-old", monthOld.Output, StringComparison.Ordinal);
        Assert.Contains("prompt of today", (await GatehouseCommand.RunAsync("audit", "show", "today", "--json", "--config", Config)).Output, StringComparison.Ordinal);

        var unkeyed = await GatehouseCommand.RunAsync("audit", "verify", "--config", Config);
        var keyed = await GatehouseCommand.RunAsync("audit", "verify", "--public-key", PublicKey, "--config", Config);
        Assert.Equal(1, unkeyed.ExitCode);
        Assert.Contains("--public-key", unkeyed.Output, StringComparison.Ordinal);
        Assert.True(keyed.ExitCode == 0, keyed.Output);
        Assert.Contains("intact", keyed.Output, StringComparison.Ordinal);
        Assert.Contains("2 records removed by retention", keyed.Output, StringComparison.Ordinal);

        var proofFile = Path.Combine(_directory, "proof.json");
        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "prove", "month-old", "--out", proofFile, "--config", Config)).ExitCode);
        Assert.Equal(0, (await GatehouseCommand.RunAsync("audit", "verify-proof", proofFile, "--public-key", PublicKey)).ExitCode);
    }

    [Fact]
    public async Task HoldCommands_AddListRelease_ReportAndExitAsDocumented()
    {
        var neither = await GatehouseCommand.RunAsync("audit", "hold", "add", "--reason", "x", "--config", Config);
        var added = await GatehouseCommand.RunAsync("audit", "hold", "add", "--exchange", "today", "--reason", "matter 9", "--by", "counsel", "--config", Config);
        var id = added.Output.Trim();
        var listed = await GatehouseCommand.RunAsync("audit", "hold", "list", "--config", Config);
        var released = await GatehouseCommand.RunAsync("audit", "hold", "release", id, "--config", Config);
        var again = await GatehouseCommand.RunAsync("audit", "hold", "release", id, "--config", Config);
        var active = await GatehouseCommand.RunAsync("audit", "hold", "list", "--config", Config);

        Assert.Equal(2, neither.ExitCode);
        Assert.StartsWith("hold-", id, StringComparison.Ordinal);
        Assert.Contains("matter 9", listed.Output, StringComparison.Ordinal);
        Assert.Equal((0, 1), (released.ExitCode, again.ExitCode));
        Assert.Equal("(none)\n", active.Output);
    }

    private static async Task AppendAsync(SqliteStore store, string id, string subject, DateTimeOffset at)
    {
        var intent = new ExchangeIntent
        {
            ExchangeId = id,
            StartedAt = at,
            Identity = new AuditIdentity(subject, null, ["dev"], null, null, "api-key"),
            Api = "openai.chat",
            Connection = "openai",
            Method = "POST",
            Path = "/v1/chat/completions",
            Prompt = $"prompt of {id}",
        };
        var outcome = new ExchangeOutcome { ExchangeId = id, CompletedAt = at.AddSeconds(1), Status = 200, Response = $"response of {id}" };
        await store.AppendAsync([AuditEntryCodec.ForIntent(intent, at), AuditEntryCodec.ForOutcome(outcome, at.AddSeconds(1))], TestContext.Current.CancellationToken);
    }
}
