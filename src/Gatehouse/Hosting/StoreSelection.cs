using System.Collections;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Storage;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Leases;
using Gatehouse.Storage.Schema;

namespace Gatehouse.Hosting;

/// <summary>
/// The one place the store's provider is chosen, from <c>storage</c>: the server and every command that opens the
/// store register it here, through the provider's own extension method, and use only the interfaces it registers.
/// </summary>
internal static class StoreSelection
{
    // What the gateway needs from a store, named as a person would name it.
    private static readonly (Type Service, string Name)[] ServerNeeds =
    [
        (typeof(IAuditCheckpointStore), "the audit log"),
        (typeof(IExchangeEntryReader), "exchange entries"),
        (typeof(IApiKeyStore), "API keys"),
        (typeof(IExportCursorStore), "export cursors"),
        (typeof(IApprovalStore), "approvals"),
        (typeof(IGrantStore), "access grants"),
        (typeof(IAuditRetentionStore), "legal holds and retention"),
        (typeof(IStoreSchema), "schema migrations"),
        (typeof(ILeaseStore), "leases"),
        (typeof(WriterIdentity), "a writer id"),
    ];

    /// <summary>Registers the configured provider's stores.</summary>
    /// <exception cref="StoreConfigurationException">The provider's settings cannot be used (each error names its YAML path).</exception>
    public static IServiceCollection AddStore(this IServiceCollection services, StorageConfig storage, AuditConfig audit, IDictionary environment) =>
        storage.Postgres is { } postgres
            ? services.AddPostgresStore(postgres.ConnectionString, postgres.Env, postgres.File, environment)
            : services.AddSqliteStore(storage.Sqlite, storage.BusyTimeout, audit.Durability, audit.SyncInterval);

    /// <summary>Refuses a provider that lacks a store the gateway needs, naming every one it lacks.</summary>
    /// <exception cref="StoreConfigurationException">Some needed store is not registered.</exception>
    public static void RequireServerStores(IServiceCollection services, StorageConfig storage)
    {
        var missing = ServerNeeds.Where(n => !services.Any(d => d.ServiceType == n.Service)).Select(n => n.Name).ToList();
        if (missing.Count > 0)
        {
            throw new StoreConfigurationException(
                $"{storage.ProviderKey}: this provider does not store {string.Join(", ", missing)} yet, which the gateway needs; " +
                "the audit, keys and migrate commands work on it, and serve needs storage.sqlite until then");
        }
    }

    /// <summary>Formats <paramref name="error"/>'s lines like the configuration's errors.</summary>
    public static string FormatErrors(StoreConfigurationException error) =>
        new ConfigLoadResult(null, [.. error.Errors.Select(ToConfigError)]).FormatErrors();

    private static Gatehouse.Gateway.Configuration.Loading.ConfigError ToConfigError(string line)
    {
        var split = line.IndexOf(": ", StringComparison.Ordinal);
        return split < 0 ? new("storage", null, line) : new(line[..split], null, line[(split + 2)..]);
    }
}
