using Gatehouse.Audit.Store;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Sqlite;
using Npgsql;

namespace Gatehouse.Audit.Benchmarks;

/// <summary>A fresh, empty store of either provider for one run, and what removes it afterwards.</summary>
internal sealed class BenchStore : IAsyncDisposable
{
    /// <summary>The environment variable holding the PostgreSQL connection string (Npgsql's form); it never goes on a command line.</summary>
    public const string PostgresVariable = "GATEHOUSE_BENCH_POSTGRES";

    private readonly Func<ValueTask> _cleanup;

    private BenchStore(IAuditStore store, Func<ValueTask> cleanup)
    {
        Store = store;
        _cleanup = cleanup;
    }

    public IAuditStore Store { get; }

    public static async Task<BenchStore> OpenAsync(BenchProvider provider, string directory, Gatehouse.Storage.StoreDurability durability)
    {
        if (provider == BenchProvider.Sqlite)
        {
            var path = Path.Combine(directory, $"throughput-{Guid.NewGuid():N}.db");
            var sqlite = SqliteStore.Open(new SqliteStoreOptions { Path = path, Durability = durability });
            return new BenchStore(sqlite, sqlite.DisposeAsync);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException($"--provider postgres needs {PostgresVariable} set to a connection string (bench/postgres/appends.sh starts a throwaway server and sets it)");
        }

        // A schema of its own per run: each run starts from an empty log, and nothing is left behind.
        var schema = "bench_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(server, $"CREATE SCHEMA {schema}");
        var connection = new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
        var postgres = await PostgresStore.OpenAsync(new PostgresStoreOptions { ConnectionString = connection }, CancellationToken.None);
        return new BenchStore(postgres, async () =>
        {
            await postgres.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(server, $"DROP SCHEMA {schema} CASCADE");
        });
    }

    public ValueTask DisposeAsync() => _cleanup();

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
