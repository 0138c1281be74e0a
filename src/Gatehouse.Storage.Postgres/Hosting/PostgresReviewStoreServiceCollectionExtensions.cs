using Gatehouse.Audit.Retention;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Leases;
using Gatehouse.Storage.Postgres.Approvals;
using Gatehouse.Storage.Postgres.Grants;
using Gatehouse.Storage.Postgres.Leases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Storage.Postgres.Hosting;

/// <summary>Registers the review, access and retention stores of one PostgreSQL store.</summary>
public static class PostgresReviewStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers, over <paramref name="store"/>: <see cref="IApprovalNotifier"/> (LISTEN/NOTIFY, <see cref="PostgresApprovalNotifier"/>),
    /// <see cref="IApprovalStore"/>, <see cref="IGrantStore"/>, <see cref="IAuditRetentionStore"/>, <see cref="ILegalHoldStore"/>
    /// <see cref="ILeaseStore"/>, <see cref="Gatehouse.Storage.Mcp.IMcpToolPinStore"/> and <see cref="Gatehouse.Storage.KeyRing.IKeyRingStore"/>.
    /// </summary>
    /// <remarks>
    /// Uses the container's <see cref="TimeProvider"/> (the system clock when none is registered) and its logging when
    /// there is any. The notifier starts listening when first resolved and stops when the container is disposed; the
    /// store itself stays the caller's to dispose.
    /// </remarks>
    public static IServiceCollection AddPostgresReviewStores(this IServiceCollection services, PostgresStore store)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(store);
        return services.AddPostgresReviewStores(_ => store);
    }

    /// <summary>The same, over the <see cref="PostgresStore"/> the container resolves (as <c>AddPostgresStore</c> registers it).</summary>
    public static IServiceCollection AddPostgresReviewStores(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddPostgresReviewStores(sp => sp.GetRequiredService<PostgresStore>());
    }

    private static IServiceCollection AddPostgresReviewStores(this IServiceCollection services, Func<IServiceProvider, PostgresStore> store)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PostgresApprovalNotifier(
            store(sp), sp.GetRequiredService<TimeProvider>(), sp.GetService<ILoggerFactory>()?.CreateLogger<PostgresApprovalNotifier>()));
        services.AddSingleton<IApprovalNotifier>(sp => sp.GetRequiredService<PostgresApprovalNotifier>());
        services.AddSingleton<IApprovalStore>(sp => new PostgresApprovalStore(store(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IApprovalNotifier>()));
        services.AddSingleton<IGrantStore>(sp => new PostgresGrantStore(store(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IAuditRetentionStore>(sp => store(sp));
        services.AddSingleton<ILegalHoldStore>(sp => store(sp));
        services.AddSingleton<ILeaseStore>(sp => new PostgresLeaseStore(store(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Gatehouse.Storage.Mcp.IMcpToolPinStore>(sp => new Mcp.PostgresMcpToolPinStore(store(sp)));
        services.AddSingleton<Gatehouse.Storage.KeyRing.IKeyRingStore>(sp => new KeyRing.PostgresKeyRingStore(store(sp)));
        return services;
    }
}
