using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Storage.Postgres;
using Gatehouse.Testing;
using Npgsql;

namespace Gatehouse.FunctionalTests.Replicas;

/// <summary>
/// Gateway replicas as real <c>gatehouse serve</c> processes on one PostgreSQL schema (the suite's server), in one
/// working directory, with short leases (3 s, renewed every second) and a one-second key cache, so failover and
/// revocation happen within a test's time.
/// </summary>
internal sealed class ReplicaSet : IAsyncDisposable
{
    public const string StoreVariable = "GATEHOUSE_TEST_STORE_URL";
    private readonly string _schema = "replicas_" + Guid.NewGuid().ToString("N");
    private readonly string _server;

    private ReplicaSet(string server) => _server = server;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("gatehouse-replicas-").FullName;

    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

    public Dictionary<string, string> Environment => new()
    {
        [StoreVariable] = ConnectionString,
        ["GATEHOUSE_TEST_MASKING_KEY"] = "a-shared-fingerprint-key-32-bytes",
        ["GATEHOUSE_TEST_KEY_RING_KEY"] = "a-shared-console-key-ring-key-32",
    };

    public static async Task<ReplicaSet> CreateAsync()
    {
        if (System.Environment.GetEnvironmentVariable("GATEHOUSE_TEST_REQUIRE_TOOLS") == "1"
            && string.IsNullOrWhiteSpace(System.Environment.GetEnvironmentVariable(PostgresServer.Variable)))
        {
            Assert.Fail($"GATEHOUSE_TEST_REQUIRE_TOOLS=1 but {PostgresServer.Variable} is not set: the replica tests need PostgreSQL (see build/test-postgres.sh).");
        }

        var set = new ReplicaSet(PostgresServer.ConnectionString());
        await set.ServerExecuteAsync($"CREATE SCHEMA {set._schema}");
        return set;
    }

    /// <summary>Writes a configuration: the shared store, keys and leases, one connection to <paramref name="upstream"/>, then <paramref name="extra"/>.</summary>
    public string WriteConfig(Uri upstream, string extra = "")
    {
        var path = Path.Combine(Directory, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, $"""
            storage:
              postgres: {"{"} env: {StoreVariable} {"}"}
              leases: {"{"} duration: 3s, renewEvery: 1s {"}"}
            masking:
              fingerprintKey: {"{"} env: GATEHOUSE_TEST_MASKING_KEY {"}"}
            identity:
              apiKeyCache: 1s
            connections:
              - name: openai
                kind: openai
                upstream: {upstream}

            """ + extra);
        return path;
    }

    /// <summary>
    /// Starts a replica and waits until it serves; with <paramref name="home"/>, in a working directory of its own below
    /// <see cref="Directory"/> (a machine of its own: nothing it keeps on disk is seen by the others).
    /// </summary>
    public Task<ChildProcess> StartAsync(string config, string? home = null)
    {
        var directory = home is null ? Directory : System.IO.Directory.CreateDirectory(Path.Combine(Directory, home)).FullName;
        return ChildProcess.ServeAsync(GatehouseProcess.Command, directory, "audit store: ", at => ["serve", "--config", config, "--urls", at], Environment);
    }

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args) =>
        ChildProcess.RunAsync(GatehouseProcess.Command, Directory, args, Environment);

    /// <summary>Creates an API key named <paramref name="name"/> in <paramref name="groups"/> and returns its secret; each key has its own owner (so its own principal).</summary>
    public async Task<string> CreateKeyAsync(string config, string name, string groups)
    {
        var created = await RunAsync("keys", "create", "--name", name, "--owner", name + "@example.com", "--groups", groups, "--config", config);
        Assert.True(created.ExitCode == 0, created.Error);
        return created.Output.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("gk_", StringComparison.Ordinal));
    }

    /// <summary>Runs <c>audit verify</c> on the shared store and asserts it passes.</summary>
    public async Task AssertVerifiesAsync(string config, string when)
    {
        var verify = await RunAsync("audit", "verify", "--config", config);
        Assert.True(verify.ExitCode == 0, $"audit verify failed {when}:\n{verify.Output}{verify.Error}");
    }

    public Task<PostgresStore> OpenStoreAsync() =>
        PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = ConnectionString }, CancellationToken.None);

    /// <summary>Returns the holder of lease <paramref name="name"/> while it is in force, or null.</summary>
    public async Task<string?> HolderAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT holder FROM leases WHERE name = @name AND expires_ticks > @now", connection);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("now", TimeProvider.System.GetUtcNow().UtcTicks);
        return await command.ExecuteScalarAsync() as string;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ServerExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    private async Task ServerExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
