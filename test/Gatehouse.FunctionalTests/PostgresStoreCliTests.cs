using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The command line on <c>storage.postgres</c>, as real processes: keys, audit search and verify, and migrate go to
/// the configured database through the one store seam; the connection string is never shown; and <c>serve</c> runs on
/// it, forwarding and auditing an exchange the command line then finds and verifies. Each test has its own schema.
/// </summary>
public sealed class PostgresStoreCliTests : IAsyncLifetime
{
    private const string Variable = "GATEHOUSE_TEST_STORE_URL";
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-pgcli-").FullName;
    private readonly string _schema = "cli_" + Guid.NewGuid().ToString("N");
    private string _server = "";

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

    private Dictionary<string, string> Environment => new() { [Variable] = ConnectionString, ["GATEHOUSE_TEST_MASKING_KEY"] = "a-shared-fingerprint-key-32-bytes" };

    public async ValueTask InitializeAsync()
    {
        _server = PostgresServer.ConnectionString();
        await ServerExecuteAsync($"CREATE SCHEMA {_schema}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_server.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Keys_CreateListRevoke_LandInPostgresAndTheAuditVerifies()
    {
        var config = WriteConfig($"storage:\n  postgres: {{ env: {Variable} }}\n");

        var created = await RunAsync("keys", "create", "--name", "ci-bot", "--owner", "ops@example.com", "--groups", "dev", "--config", config);
        var listed = await RunAsync("keys", "list", "--json", "--config", config);
        var revoked = await RunAsync("keys", "revoke", "ci-bot", "--config", config);
        var after = await RunAsync("keys", "list", "--json", "--config", config);
        var verify = await RunAsync("audit", "verify", "--config", config);

        Assert.True(created.ExitCode == 0, created.Error);
        Assert.True(listed.ExitCode == 0, listed.Error);
        Assert.Contains("\"ci-bot\"", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("revokedAt", listed.Output, StringComparison.Ordinal);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        Assert.Contains("revokedAt", after.Output, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("api_keys"));
        Assert.False(Directory.Exists(Path.Combine(_directory, ".gatehouse")), "an embedded store was created beside the configuration");

        // key.created and key.revoked are sealed in the chain, and the key's row is checked against its last seal.
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("audit: intact. 2 entries", verify.Output, StringComparison.Ordinal);
        Assert.Contains("rows: intact. 1 API key, approval and grant rows match their seals.", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditSearchShowVerify_OverExchangesWrittenToPostgres()
    {
        await using (var store = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = ConnectionString }, CancellationToken.None))
        {
            await AddAsync(store, "x-1", "kim", "explain the retry loop", 0);
            await AddAsync(store, "x-2", "lee", "summarise the ledger", 1);
        }

        var config = WriteConfig($"storage:\n  postgres: {{ env: {Variable} }}\n");
        var all = await RunAsync("audit", "search", "--config", config);
        var kim = await RunAsync("audit", "search", "--user", "kim", "--config", config);
        var show = await RunAsync("audit", "show", "x-2", "--config", config);
        var verify = await RunAsync("audit", "verify", "--config", config);

        Assert.True(all.ExitCode == 0, all.Error);
        Assert.Contains("x-1", all.Output, StringComparison.Ordinal);
        Assert.Contains("x-2", all.Output, StringComparison.Ordinal);
        Assert.Contains("x-1", kim.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("x-2", kim.Output, StringComparison.Ordinal);
        Assert.Contains("summarise the ledger", show.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.Contains("audit: intact. 4 entries", verify.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_EmptyDatabase_DryRunThenApplyThenUpToDate_AndMigrateOffRefusesUntilThen()
    {
        var config = WriteConfig($"storage:\n  postgres: {{ env: {Variable}, migrate: off }}\n");

        var refused = await RunAsync("audit", "verify", "--config", config);
        var dry = await RunAsync("migrate", "--dry-run", "--config", config);
        var applied = await RunAsync("migrate", "--config", config);
        var again = await RunAsync("migrate", "--config", config);
        var verify = await RunAsync("audit", "verify", "--config", config);

        Assert.Equal(3, refused.ExitCode);
        Assert.Contains($"run 'gatehouse migrate --config {config}' first", refused.Error, StringComparison.Ordinal);
        Assert.True(dry.ExitCode == 0, dry.Error);
        Assert.Contains("(storage.postgres)", dry.Output, StringComparison.Ordinal);
        Assert.Contains("schema: version 0 (empty)", dry.Output, StringComparison.Ordinal);
        Assert.True(applied.ExitCode == 0, applied.Error);
        Assert.Contains("schema: migrated from version 0 (empty) to ", applied.Output, StringComparison.Ordinal);
        Assert.Contains("up to date; nothing to do", again.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    [Fact]
    public async Task Serve_OnPostgres_ForwardsAuditsAndTheCliFindsAndVerifiesTheExchange()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("from the upstream"));
        var config = WriteConfig(
            $"storage:\n  postgres: {{ env: {Variable} }}\nmasking:\n  fingerprintKey: {{ env: GATEHOUSE_TEST_MASKING_KEY }}\n"
            + $"connections:\n  - name: openai\n    kind: openai\n    upstream: {upstream.BaseUri}\n");
        var created = await RunAsync("keys", "create", "--name", "ci-bot", "--owner", "ops@example.com", "--groups", "dev", "--config", config);
        Assert.True(created.ExitCode == 0, created.Error);
        var key = created.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("gk_", StringComparison.Ordinal));

        await using (var serve = await ChildProcess.ServeAsync(GatehouseProcess.Command, _directory, "audit store: ", at => ["serve", "--config", config, "--urls", at], Environment))
        {
            Assert.Contains("PostgreSQL (storage.postgres)", serve.Output, StringComparison.Ordinal);
            using var client = new HttpClient { BaseAddress = new Uri(serve.Url) };
            client.DefaultRequestHeaders.Authorization = new("Bearer", key);
            using var response = await client.PostAsync("openai/v1/chat/completions", new StringContent(
                """{"model":"gpt-test","messages":[{"role":"user","content":"reconcile the quarterly ledger"}]}""",
                System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("from the upstream", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
            var exit = await serve.InterruptAsync();
            Assert.True(exit == 0, $"serve exited {exit}:\n{serve.Output}");
        }

        var search = await RunAsync("audit", "search", "--text", "quarterly", "--config", config);
        var verify = await RunAsync("audit", "verify", "--config", config);
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Contains("ci-bot", search.Output, StringComparison.Ordinal);
        Assert.Contains(" 200 ", search.Output, StringComparison.Ordinal);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
        Assert.False(Directory.Exists(Path.Combine(_directory, ".gatehouse")), "an embedded store was created beside the configuration");
    }

    [Fact]
    public async Task WrongPasswordOrMalformedString_ErrorsShowNeitherTheStringNorThePassword()
    {
        const string Password = "Wrong-Pg-Password-5521";
        var wrong = new NpgsqlConnectionStringBuilder(ConnectionString) { Password = Password, Username = "gatehouse_no_such_user" }.ConnectionString;
        var malformed = "Host=127.0.0.1;Password=" + Password + ";NoSuchKeyword=1";

        var denied = await RunAsync(["audit", "verify", "--config", WriteConfig($"storage:\n  postgres: {{ env: {Variable} }}\n")], wrong);
        var invalid = await RunAsync(["keys", "list", "--config", WriteConfig("storage:\n  postgres: { file: conn.txt }\n")], null, ("conn.txt", malformed));

        Assert.Equal(3, denied.ExitCode);
        Assert.Contains("gatehouse: cannot open the store at", denied.Error, StringComparison.Ordinal);
        Assert.Equal(2, invalid.ExitCode);
        Assert.Contains("storage.postgres: the connection string from file is not a valid PostgreSQL connection string", invalid.Error, StringComparison.Ordinal);
        foreach (var text in new[] { denied.Output, denied.Error, invalid.Output, invalid.Error })
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("NoSuchKeyword", text, StringComparison.Ordinal);
        }
    }

    private Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, null);

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(string[] args, string? connectionString, params (string Name, string Text)[] files)
    {
        foreach (var (name, text) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(_directory, name), text);
        }

        var environment = Environment;
        if (connectionString is not null)
        {
            environment[Variable] = connectionString;
        }

        return await ChildProcess.RunAsync(GatehouseProcess.Command, _directory, args, environment);
    }

    private string WriteConfig(string yaml)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private async Task<long> CountAsync(string table) => (long)(await PostgresSql.ScalarAsync(ConnectionString, $"SELECT count(*) FROM {table}"))!;

    private Task ServerExecuteAsync(string sql) => PostgresSql.ExecuteAsync(_server, sql);

    private static Task AddAsync(PostgresStore store, string id, string user, string prompt, int hour) =>
        PostgresExchangeSeed.AddAsync(store, id, user, prompt, hour, CancellationToken.None);
}
