using System.Collections;
using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Storage;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Leases;
using Gatehouse.Storage.Postgres;
using Gatehouse.Storage.Postgres.Agents;
using Gatehouse.Storage.Postgres.Connection;
using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Postgres.Export;
using Gatehouse.Storage.Postgres.Hosting;
using Gatehouse.Storage.Schema;

// In the container's namespace, as extension methods of this kind are, so the composition root selects a provider by
// calling a method and names none of its types.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the PostgreSQL store: the persisted-state interfaces over one database shared by replicas.</summary>
public static class PostgresServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store whose connection string is given inline, in the environment variable <paramref name="env"/>,
    /// or in <paramref name="file"/> (exactly one).
    /// </summary>
    /// <exception cref="StoreConfigurationException">
    /// Not exactly one source, a variable or file that cannot be read, or a malformed string; each error names its
    /// setting under <c>storage.postgres</c> and never the string.
    /// </exception>
    public static IServiceCollection AddPostgresStore(
        this IServiceCollection services, string? connectionString, string? env, string? file, IDictionary environment)
    {
        var resolved = PostgresConnectionResolver.Resolve(
            new PostgresConnectionSource { ConnectionString = connectionString, Env = env, File = file }, environment);
        return resolved.IsResolved
            ? services.AddPostgresStore(new PostgresStoreOptions { ConnectionString = resolved.ConnectionString! })
            : throw new StoreConfigurationException(resolved.Errors);
    }

    /// <summary>Registers the store <paramref name="options"/> describe.</summary>
    /// <remarks>
    /// Nothing connects until the store is first used; the schema is checked or migrated through
    /// <see cref="IStoreSchema"/> before that (at start-up, or by <c>gatehouse migrate</c>), whatever
    /// <see cref="PostgresStoreOptions.Migrate"/> says.
    /// </remarks>
    public static IServiceCollection AddPostgresStore(this IServiceCollection services, PostgresStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton(_ => PostgresStore.Create(options));
        services.AddSingleton(new WriterIdentity(options.WriterId));
        services.AddSingleton<IAuditStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IAuditCheckpointStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IExchangeEntryReader>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IApiKeyStore>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IRowSealVerifier>(sp => sp.GetRequiredService<PostgresStore>());
        services.AddSingleton<IExportCursorStore>(sp => new PostgresExportCursorStore(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IAgentTokenStore>(sp => new PostgresAgentTokenStore(sp.GetRequiredService<PostgresStore>()));
        services.AddSingleton<IStoreSchema>(sp => new PostgresSchema(sp.GetRequiredService<PostgresStore>().Database));
        AddReviewStores(services);
        return services;
    }

    /// <summary>Registers the approval, grant, legal-hold, retention and lease stores on PostgreSQL.</summary>
    private static void AddReviewStores(IServiceCollection services) => services.AddPostgresReviewStores();
}
