using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Sqlite;

namespace Gatehouse.FunctionalTests;

/// <summary><c>gatehouse audit search</c> with every filter of the audit API, over a store written beforehand.</summary>
public sealed class AuditSearchCommandTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-search-").FullName;

    private string Db => Path.Combine(_directory, "gatehouse.db");

    public async ValueTask InitializeAsync()
    {
        await using var store = SqliteStore.Open(Db);
        await AddAsync(store, "x-1", "kim", ["dev"], "allow", [], "explain the retry loop", "It backs off", 200, 0);
        await AddAsync(store, "x-2", "lee", ["contractors"], "deny", ["block-contractors"], "print the prod password", null, 403, 1);
        await AddAsync(store, "x-3", "kim", ["dev", "payments"], "allow", ["mask-pii"], "summarise the ledger", "Totals attached", 200, 2, "pii");
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Theory]
    [InlineData(new[] { "--group", "payments" }, "x-3")]
    [InlineData(new[] { "--decision", "deny" }, "x-2")]
    [InlineData(new[] { "--rule", "block-contractors" }, "x-2")]
    [InlineData(new[] { "--finding", "pii" }, "x-3")]
    [InlineData(new[] { "--status", "403" }, "x-2")]
    [InlineData(new[] { "--user", "kim", "--text", "retry" }, "x-1")]
    [InlineData(new[] { "--since", "2026-11-25T08:30Z", "--until", "2026-11-25T09:30Z" }, "x-2")]
    [InlineData(new[] { "--connection", "openai", "--model", "gpt-test", "--text", "ledger" }, "x-3")]
    public async Task Search_WithFilter_PrintsOnlyTheMatchingExchange(string[] filter, string expected)
    {
        var result = await GatehouseCommand.RunAsync(["audit", "search", "--db", Db, .. filter]);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        Assert.Single(new[] { "x-1", "x-2", "x-3" }, id => result.Output.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_PageByCursor_ContinuesWhereThePreviousPageStopped()
    {
        var first = await GatehouseCommand.RunAsync("audit", "search", "--db", Db, "--limit", "2");
        var cursor = first.Output.Split('\n').Single(l => l.StartsWith("more: --cursor ", StringComparison.Ordinal))["more: --cursor ".Length..];

        var second = await GatehouseCommand.RunAsync("audit", "search", "--db", Db, "--limit", "2", "--cursor", cursor);

        Assert.Contains("x-3", first.Output, StringComparison.Ordinal);
        Assert.Contains("x-2", first.Output, StringComparison.Ordinal);
        Assert.Contains("x-1", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("more:", second.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--text", "%%")]
    [InlineData("--limit", "501")]
    [InlineData("--cursor", "123")]
    public async Task Search_InvalidValue_ExitsWithUsage(string option, string value)
    {
        var result = await GatehouseCommand.RunAsync("audit", "search", "--db", Db, option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gatehouse: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NothingMatches_ExitsOne()
    {
        var result = await GatehouseCommand.RunAsync("audit", "search", "--db", Db, "--group", "nobody");

        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public async Task Help_ListsEveryFilterAndTheExitCodes()
    {
        var result = await GatehouseCommand.RunAsync("audit", "search", "--help");

        foreach (var option in new[] { "--user", "--group", "--connection", "--model", "--decision", "--rule", "--finding", "--status", "--since", "--until", "--text", "--cursor", "--limit" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }

        Assert.Contains("Exit codes:", result.Output, StringComparison.Ordinal);
    }

    private static async Task AddAsync(
        SqliteStore store, string id, string user, IReadOnlyList<string> groups, string decision, IReadOnlyList<string> rules,
        string prompt, string? response, int status, int hour, string? findingCategory = null)
    {
        var at = Start.AddHours(hour);
        var intent = new ExchangeIntent
        {
            ExchangeId = id,
            StartedAt = at,
            Identity = new AuditIdentity(user, user + "@example.com", groups, "https://idp.example.com", null, "oidc"),
            Connection = "openai",
            Method = "POST",
            Path = "/v1/chat/completions",
            Api = "openai.chat",
            Model = "gpt-test",
            Prompt = prompt,
            Decision = decision,
            Rules = rules,
            Findings = findingCategory is null ? [] : [new AuditFinding("email", findingCategory, "request", "prompt", "fp")],
        };
        var outcome = new ExchangeOutcome { ExchangeId = id, CompletedAt = at.AddSeconds(1), Status = status, Response = response };
        await store.AppendAsync([AuditEntryCodec.ForIntent(intent, at)], CancellationToken.None);
        await store.AppendAsync([AuditEntryCodec.ForOutcome(outcome, at.AddSeconds(1))], CancellationToken.None);
    }
}
