using Gatehouse.Audit.Store;

namespace Gatehouse.Storage.Contract.Tests.Providers;

/// <summary>One provider under the contract: opens fresh, empty stores and reaches behind them as an attacker with database access would.</summary>
public interface IStoreProvider : IAsyncDisposable
{
    /// <summary>Opens a store on this provider's database (the same one each call: a second instance on it).</summary>
    Task<IAuditCheckpointStore> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Returns the export cursor store that shares <paramref name="store"/>'s database.</summary>
    Gatehouse.Export.Cursors.IExportCursorStore Cursors(IAuditCheckpointStore store);

    /// <summary>Returns the approval store that shares <paramref name="store"/>'s database, waiting through <paramref name="notifier"/> (polling when null).</summary>
    Gatehouse.Storage.Approvals.IApprovalStore Approvals(
        IAuditCheckpointStore store, TimeProvider time, Gatehouse.Storage.Approvals.IApprovalNotifier? notifier = null);

    /// <summary>Returns the grant store that shares <paramref name="store"/>'s database.</summary>
    Gatehouse.Storage.Grants.IGrantStore Grants(IAuditCheckpointStore store, TimeProvider time);

    /// <summary>Returns the retention and legal hold store over <paramref name="store"/>.</summary>
    Gatehouse.Audit.Retention.IAuditRetentionStore Retention(IAuditCheckpointStore store);

    /// <summary>Returns the lease store that shares <paramref name="store"/>'s database.</summary>
    Gatehouse.Storage.Leases.ILeaseStore Leases(IAuditCheckpointStore store, TimeProvider time);

    /// <summary>Returns the agent enrollment token store that shares <paramref name="store"/>'s database.</summary>
    Gatehouse.Storage.Agents.IAgentTokenStore AgentTokens(IAuditCheckpointStore store);
    /// <summary>Returns the MCP tool pin store that shares <paramref name="store"/>'s database.</summary>
    Gatehouse.Storage.Mcp.IMcpToolPinStore McpToolPins(IAuditCheckpointStore store);

    /// <summary>Returns the console key ring store that shares <paramref name="store"/>'s database.</summary>
    Gatehouse.Storage.KeyRing.IKeyRingStore KeyRing(IAuditCheckpointStore store);

    /// <summary>Gets this dialect's SQL for a blob of <paramref name="length"/> zero bytes.</summary>
    string ZeroBlob(int length);

    /// <summary>Runs <paramref name="sql"/> directly on the database and returns the first column of its first row.</summary>
    Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="sql"/> directly on the database, bypassing the store.</summary>
    Task ExecuteAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Returns the number of rows of <paramref name="table"/>.</summary>
    Task<long> CountAsync(string table, CancellationToken cancellationToken);
}
