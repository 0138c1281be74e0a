using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Storage;
using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Leases;
using Gatehouse.Storage.Schema;
using Gatehouse.Storage.Sqlite;
using Gatehouse.Storage.Sqlite.Agents;
using Gatehouse.Storage.Sqlite.Approvals;
using Gatehouse.Storage.Sqlite.Database;
using Gatehouse.Storage.Sqlite.Export;
using Gatehouse.Storage.Sqlite.Grants;
using Gatehouse.Storage.Sqlite.Leases;
using Gatehouse.Storage.Sqlite.Retention;
using Microsoft.Extensions.Logging;

// In the container's namespace, as extension methods of this kind are, so the composition root selects a provider by
// calling a method and names none of its types.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the embedded store: every persisted-state interface over one SQLite file.</summary>
public static class SqliteServiceCollectionExtensions
{
    /// <summary>Registers the store at <paramref name="path"/> (created when missing, migrated when opened).</summary>
    /// <param name="services">The container.</param>
    /// <param name="path">The database file.</param>
    /// <param name="busyTimeout">How long a write waits for another process's lock.</param>
    /// <param name="durability">What a commit has survived when it returns.</param>
    /// <param name="syncInterval">With <see cref="StoreDurability.Process"/>, how often commits are synced to disk.</param>
    public static IServiceCollection AddSqliteStore(
        this IServiceCollection services, string path, TimeSpan busyTimeout, StoreDurability durability, TimeSpan syncInterval) =>
        services.AddSqliteStore(new SqliteStoreOptions { Path = path, BusyTimeout = busyTimeout, Durability = durability, SyncInterval = syncInterval });

    /// <summary>Registers the store <paramref name="options"/> describe.</summary>
    /// <remarks>
    /// The store opens (and migrates) when first resolved. The audit log, API keys, approvals, grants, legal holds and
    /// retention, export cursors, leases, the row-seal verifier and the schema are all this one file's; the container disposes
    /// the store once.
    /// </remarks>
    public static IServiceCollection AddSqliteStore(this IServiceCollection services, SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(sp =>
        {
            var store = SqliteStore.Open(options);
            if (sp.GetService<ILoggerFactory>() is { } loggers)
            {
                store.UseLoggerFactory(loggers);
            }

            return store;
        });
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAuditCheckpointStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IExchangeEntryReader>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IRowSealVerifier>(sp => sp.GetRequiredService<SqliteStore>());
        services.AddSingleton<IAuditRetentionStore>(sp => new SqliteRetentionStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IExportCursorStore>(sp => new SqliteExportCursorStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IApprovalStore>(sp => new SqliteApprovalStore(sp.GetRequiredService<SqliteStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IGrantStore>(sp => new SqliteGrantStore(sp.GetRequiredService<SqliteStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAgentTokenStore>(sp => new SqliteAgentTokenStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<Gatehouse.Storage.Mcp.IMcpToolPinStore>(sp => new Gatehouse.Storage.Sqlite.Mcp.SqliteMcpToolPinStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<Gatehouse.Storage.KeyRing.IKeyRingStore>(sp => new Gatehouse.Storage.Sqlite.KeyRing.SqliteKeyRingStore(sp.GetRequiredService<SqliteStore>()));
        services.AddSingleton<IStoreSchema>(new SqliteSchema(options));
        services.AddSingleton<ILeaseStore>(sp => new SqliteLeaseStore(sp.GetRequiredService<SqliteStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(WriterIdentity.ForThisProcess());
        return services;
    }
}
