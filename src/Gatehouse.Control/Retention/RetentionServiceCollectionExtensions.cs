using Gatehouse.Audit.Retention;
using Gatehouse.Control.Checkpoints;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Leases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Retention;

/// <summary>Registers the retention job.</summary>
public static class RetentionServiceCollectionExtensions
{
    /// <summary>
    /// Adds the background retention job when any connection removes bodies or records; the host must register an
    /// <see cref="IAuditRetentionStore"/>.
    /// </summary>
    public static IServiceCollection AddAuditRetention(this IServiceCollection services, GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (RetentionPlans.From(config).Connections.Count > 0)
        {
            services.AddHostedService(sp => new RetentionService(
                config,
                sp.GetRequiredService<IAuditRetentionStore>(),
                sp.GetService<GatewayCheckpointWriter>()?.Writer,
                sp.GetRequiredService<LeaseKeeper>().For(Gatehouse.Storage.Leases.LeaseNames.Signing),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<RetentionService>>()));
        }

        return services;
    }
}
