using Gatehouse.Control.AuditApi;
using Gatehouse.Control.Authorization;
using Gatehouse.Control.Checkpoints;
using Gatehouse.Control.Console;
using Gatehouse.Control.Export;
using Gatehouse.Control.Retention;
using Gatehouse.Control.Reviews;
using Gatehouse.Control.Webhooks;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Control.Hosting;

/// <summary>Registers the control plane: the admin APIs, the background jobs, the notifications and the console.</summary>
public static class ControlPlaneServiceCollectionExtensions
{
    /// <summary>
    /// Adds the control plane for one configuration snapshot. Call it after <c>AddGatehouseGateway</c>: the jobs take
    /// their leases from the gateway's lease keeper, which must start first and stop last.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="config">The configuration snapshot.</param>
    public static IServiceCollection AddControlPlane(this IServiceCollection services, GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.AddControlAuthorization();
        services.AddReviewDecisions();
        services.AddReviewSweeper();
        services.AddAuditApi();
        services.AddCheckpoints(config);
        services.AddGatehouseWebhooks(config);
        services.AddAuditRetention(config);
        services.AddGatehouseExport(config.Export);
        services.AddGatehouseConsole(config);
        return services;
    }
}
