using Gatehouse.Audit.Store;
using Gatehouse.Storage.Postgres;
using Npgsql;

namespace Gatehouse.Storage.Contract.Tests.Providers;

/// <summary>The PostgreSQL provider: a fresh schema per test on the suite's server, dropped at the end.</summary>
/// <remarks>Each store connects with its search path set to that schema, so tests never see each other's tables.</remarks>
public sealed class PostgresProvider : IStoreProvider
{
    private readonly string _server = PostgresServer.ConnectionString();
    private readonly string _schema = "contract_" + Guid.NewGuid().ToString("N");
    private readonly List<PostgresStore> _stores = [];
    private bool _created;

    /// <summary>Gets the connection string of this test's schema.</summary>
    public string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

    public async Task<IAuditCheckpointStore> OpenAsync(CancellationToken cancellationToken) =>
        await OpenPostgresAsync(new PostgresStoreOptions { ConnectionString = ConnectionString }, cancellationToken);

    public async Task<PostgresStore> OpenPostgresAsync(PostgresStoreOptions options, CancellationToken cancellationToken)
    {
        await CreateSchemaAsync(cancellationToken);
        var store = await PostgresStore.OpenAsync(options, cancellationToken);
        _stores.Add(store);
        return store;
    }

    public async Task CreateSchemaAsync(CancellationToken cancellationToken)
    {
        if (!_created)
        {
            await ServerExecuteAsync($"CREATE SCHEMA {_schema}", cancellationToken);
            _created = true;
        }
    }

    public Gatehouse.Export.Cursors.IExportCursorStore Cursors(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Postgres.Export.PostgresExportCursorStore((PostgresStore)store);

    public Gatehouse.Storage.Approvals.IApprovalStore Approvals(
        IAuditCheckpointStore store, TimeProvider time, Gatehouse.Storage.Approvals.IApprovalNotifier? notifier = null) =>
        new Gatehouse.Storage.Postgres.Approvals.PostgresApprovalStore((PostgresStore)store, time, notifier);

    public Gatehouse.Storage.Grants.IGrantStore Grants(IAuditCheckpointStore store, TimeProvider time) =>
        new Gatehouse.Storage.Postgres.Grants.PostgresGrantStore((PostgresStore)store, time);

    public Gatehouse.Audit.Retention.IAuditRetentionStore Retention(IAuditCheckpointStore store) => (PostgresStore)store;

    public Gatehouse.Storage.Leases.ILeaseStore Leases(IAuditCheckpointStore store, TimeProvider time) =>
        new Gatehouse.Storage.Postgres.Leases.PostgresLeaseStore((PostgresStore)store, time);

    public Gatehouse.Storage.Agents.IAgentTokenStore AgentTokens(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Postgres.Agents.PostgresAgentTokenStore((PostgresStore)store);

    public Gatehouse.Storage.Mcp.IMcpToolPinStore McpToolPins(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Postgres.Mcp.PostgresMcpToolPinStore((PostgresStore)store);

    public Gatehouse.Storage.KeyRing.IKeyRingStore KeyRing(IAuditCheckpointStore store) =>
        new Gatehouse.Storage.Postgres.KeyRing.PostgresKeyRingStore((PostgresStore)store);

    public string ZeroBlob(int length) => $"decode(repeat('00', {length}), 'hex')";

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<long> CountAsync(string table, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        if (_created)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerExecuteAsync($"DROP SCHEMA {_schema} CASCADE", CancellationToken.None);
        }
    }

    private async Task ServerExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
