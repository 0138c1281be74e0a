using Gatehouse.Audit.Store;

namespace Gatehouse.Storage.Contract.Tests.Providers;

/// <summary>One provider under the contract: opens fresh, empty stores and reaches behind them as an attacker with database access would.</summary>
public interface IStoreProvider : IAsyncDisposable
{
    /// <summary>Opens a store on this provider's database (the same one each call: a second instance on it).</summary>
    Task<IAuditCheckpointStore> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Returns the export cursor store that shares <paramref name="store"/>'s database.</summary>
    Gatehouse.Export.Cursors.IExportCursorStore Cursors(IAuditCheckpointStore store);

    /// <summary>Runs <paramref name="sql"/> directly on the database, bypassing the store.</summary>
    Task ExecuteAsync(string sql, CancellationToken cancellationToken);

    /// <summary>Returns the number of rows of <paramref name="table"/>.</summary>
    Task<long> CountAsync(string table, CancellationToken cancellationToken);
}
