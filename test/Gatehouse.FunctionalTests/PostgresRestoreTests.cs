using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Gatehouse.Testing;
using Npgsql;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The backup and restore of docs/operations.md, run as written: a store on PostgreSQL is dumped with
/// <c>pg_dump --format=custom</c>, restored with <c>createdb</c> and <c>pg_restore --no-owner --exit-on-error</c> into a
/// new database, and the real <c>gatehouse audit verify</c>, configured with <c>storage.postgres</c> on the restored
/// database, passes; an API key row or an audit entry altered in the restored copy then fails it. Each test has its
/// own databases, dropped afterwards.
/// </summary>
public sealed class PostgresRestoreTests : IAsyncLifetime
{
    private const string Variable = "GATEHOUSE_RESTORED_DB";
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-pgrestore-").FullName;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..12];
    private readonly List<string> _databases = [];
    private NpgsqlConnectionStringBuilder _server = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _server = new NpgsqlConnectionStringBuilder(PostgresServer.ConnectionString());
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var database in _databases)
        {
            await ServerExecuteAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task DumpAndRestore_AsDocumented_VerifiesIntact_AndAnAlteredRowOrEntryInTheCopyFails()
    {
        var source = await CreateDatabaseAsync("gh_source_");
        var sourceConfig = WriteConfig("source.yaml");
        var created = await GatehouseAsync(sourceConfig, source, "keys", "create", "--name", "ci-bot", "--owner", "ops@example.com", "--groups", "dev");
        Assert.True(created.ExitCode == 0, created.Error);
        long sourceHead;
        await using (var store = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = Connection(source) }, Token))
        {
            await AddAsync(store, "x-1", "kim", "explain the retry loop", 0);
            await AddAsync(store, "x-2", "lee", "summarise the ledger", 1);
            sourceHead = (await store.GetHeadAsync(Token))!.Sequence;
        }

        // docs/operations.md, "Backup and restore": the same programs, flags and role (the database's owner, which may
        // create databases), the password in PGPASSWORD.
        var dump = Path.Combine(_directory, "gatehouse.dump");
        await ToolAsync("pg_dump", "--format=custom", $"--file={dump}", Uri(source));
        var restored = await RestoreAsync(dump, "gh_restored_");
        var second = await RestoreAsync(dump, "gh_second_");

        var config = WriteConfig("restored.yaml");
        var intact = await GatehouseAsync(config, restored, "audit", "verify");
        Assert.True(intact.ExitCode == 0, intact.Output + intact.Error);
        Assert.Contains($"audit: intact. {sourceHead} entries", intact.Output, StringComparison.Ordinal);
        Assert.Contains($"head at entry {sourceHead}.", intact.Output, StringComparison.Ordinal);
        Assert.Contains("rows: intact. 1 API key, approval and grant rows match their seals.", intact.Output, StringComparison.Ordinal);

        var keyId = await ScalarAsync(restored, "SELECT id FROM api_keys");
        await ExecuteAsync(restored, "UPDATE api_keys SET groups = '[\"admins\"]'");
        var rowAltered = await GatehouseAsync(config, restored, "audit", "verify");
        Assert.Equal(1, rowAltered.ExitCode);
        Assert.Contains("rows: TAMPERED.", rowAltered.Output, StringComparison.Ordinal);
        Assert.Contains($"api_keys row '{keyId}' does not match its seal", rowAltered.Output, StringComparison.Ordinal);
        Assert.Contains("edited behind the gateway's back", rowAltered.Output, StringComparison.Ordinal);

        var altered = await ScalarAsync(second, "SELECT min(seq) FROM audit_entries WHERE exchange_id = 'x-2'");
        await ExecuteAsync(second, $"UPDATE audit_entries SET payload = convert_to(replace(convert_from(payload, 'UTF8'), 'lee', 'eve'), 'UTF8') WHERE seq = {altered}");
        var entryAltered = await GatehouseAsync(config, second, "audit", "verify");
        Assert.Equal(1, entryAltered.ExitCode);
        Assert.Contains($"audit: TAMPERED. First bad entry: {altered}:", entryAltered.Output, StringComparison.Ordinal);

        foreach (var output in new[] { intact, rowAltered, entryAltered })
        {
            Assert.DoesNotContain(_server.Password!, output.Output + output.Error, StringComparison.Ordinal);
        }
    }

    private async Task<string> RestoreAsync(string dump, string prefix)
    {
        var name = prefix + _suffix;
        _databases.Add(name);
        await ToolAsync("createdb", $"--host={_server.Host}", $"--port={_server.Port}", $"--username={_server.Username}", name);
        await ToolAsync("pg_restore", "--no-owner", "--exit-on-error", $"--dbname={Uri(name)}", dump);
        return name;
    }

    private async Task ToolAsync(string tool, params string[] args)
    {
        var run = await PostgresClientTools.RunAsync(tool, _directory, _server.Password!, args);
        Assert.True(run.ExitCode == 0, $"{tool} exited {run.ExitCode}: {run.Error}");
    }

    // libpq's form, as the client programs take it; the password stays out of it.
    private string Uri(string database) => $"postgresql://{_server.Username}@{_server.Host}:{_server.Port}/{database}";

    private string Connection(string database) => new NpgsqlConnectionStringBuilder(_server.ConnectionString) { Database = database }.ConnectionString;

    private async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = prefix + _suffix;
        _databases.Add(name);
        await ServerExecuteAsync($"CREATE DATABASE {name}");
        return name;
    }

    private Task<(int ExitCode, string Output, string Error)> GatehouseAsync(string config, string database, params string[] args) =>
        ChildProcess.RunAsync(GatehouseProcess.Command, _directory, [.. args, "--config", config], new Dictionary<string, string> { [Variable] = Connection(database) });

    private string WriteConfig(string name)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, $"storage:\n  postgres: {{ env: {Variable} }}\n");
        return path;
    }

    private Task ExecuteAsync(string database, string sql) => PostgresSql.ExecuteAsync(Connection(database), sql, Token);

    private Task<object?> ScalarAsync(string database, string sql) => PostgresSql.ScalarAsync(Connection(database), sql, Token);

    private Task ServerExecuteAsync(string sql) => PostgresSql.ExecuteAsync(_server.ConnectionString, sql);

    private static Task AddAsync(PostgresStore store, string id, string user, string prompt, int hour) =>
        PostgresExchangeSeed.AddAsync(store, id, user, prompt, hour, Token);
}
