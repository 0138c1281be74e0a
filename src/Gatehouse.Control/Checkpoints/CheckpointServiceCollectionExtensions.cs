using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Leases;
using Gatehouse.Storage.Leases;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Checkpoints;

/// <summary>Registers the checkpoint signer, when <c>audit.checkpoints</c> is configured.</summary>
internal static class CheckpointServiceCollectionExtensions
{
    public static IServiceCollection AddCheckpoints(this IServiceCollection services, GatehouseConfig config)
    {
        if (config.Audit.Checkpoints is not { } checkpoints)
        {
            return services;
        }

        services.AddSingleton(sp => new GatewayCheckpointWriter(
            checkpoints, sp.GetRequiredService<IAuditCheckpointStore>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService(sp => new CheckpointService(
            sp.GetRequiredService<GatewayCheckpointWriter>(),
            sp.GetRequiredService<IAuditCheckpointStore>(),
            sp.GetRequiredService<LeaseKeeper>().For(LeaseNames.Signing),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<CheckpointService>>(),
            sp.GetServices<ICheckpointObserver>()));
        return services;
    }
}
