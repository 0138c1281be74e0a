using Gatehouse.Audit.Store;
using Gatehouse.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Contract.Tests.Providers;

/// <summary>The embedded provider: a SQLite file in a fresh temporary directory.</summary>
public sealed class SqliteProvider : IStoreProvider
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gatehouse-contract", Guid.NewGuid().ToString("N"));
    private readonly List<SqliteStore> _stores = [];

    private string DatabasePath => Path.Combine(_directory, "gatehouse.db");

    public Task<IAuditCheckpointStore> OpenAsync(CancellationToken cancellationToken)
    {
        var store = SqliteStore.Open(DatabasePath);
        _stores.Add(store);
        return Task.FromResult<IAuditCheckpointStore>(store);
    }

    public Gatehouse.Export.Cursors.IExportCursorStore Cursors(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Sqlite.Export.SqliteExportCursorStore((SqliteStore)store);

    public Gatehouse.Storage.Approvals.IApprovalStore Approvals(
        IAuditCheckpointStore store, TimeProvider time, Gatehouse.Storage.Approvals.IApprovalNotifier? notifier = null) =>
        new Gatehouse.Storage.Sqlite.Approvals.SqliteApprovalStore((SqliteStore)store, time, notifier);

    public Gatehouse.Storage.Grants.IGrantStore Grants(IAuditCheckpointStore store, TimeProvider time) =>
        new Gatehouse.Storage.Sqlite.Grants.SqliteGrantStore((SqliteStore)store, time);

    public Gatehouse.Audit.Retention.IAuditRetentionStore Retention(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Sqlite.Retention.SqliteRetentionStore((SqliteStore)store);

    public Gatehouse.Storage.Leases.ILeaseStore Leases(IAuditCheckpointStore store, TimeProvider time) =>
        new Gatehouse.Storage.Sqlite.Leases.SqliteLeaseStore((SqliteStore)store, time);

    public Gatehouse.Storage.Agents.IAgentTokenStore AgentTokens(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Sqlite.Agents.SqliteAgentTokenStore((SqliteStore)store);

    public Gatehouse.Storage.Mcp.IMcpToolPinStore McpToolPins(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Sqlite.Mcp.SqliteMcpToolPinStore((SqliteStore)store);

    public Gatehouse.Storage.KeyRing.IKeyRingStore KeyRing(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Sqlite.KeyRing.SqliteKeyRingStore((SqliteStore)store);

    public string ZeroBlob(int length) => $"zeroblob({length})";

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
