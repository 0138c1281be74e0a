using Gatehouse.Gateway.Access;
using Gatehouse.Gateway.Agents;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Configuration.Sections;
using Gatehouse.Gateway.Decisions;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.ForwardProxy;
using Gatehouse.Gateway.Health;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Refusals;
using Gatehouse.Gateway.Leases;
using Gatehouse.Gateway.Masking;
using Gatehouse.Gateway.ResponseHolds;
using Gatehouse.Gateway.Routing;
using Gatehouse.Gateway.Telemetry;
using Gatehouse.Protocols;
using Gatehouse.Policy.Reloading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gatehouse.Gateway.Hosting;

/// <summary>Registers the data path's services for one configuration snapshot.</summary>
public static class GatewayServiceCollectionExtensions
{
    /// <summary>
    /// Adds the gateway: identity, routing, protocol adapters, forwarding and telemetry. The host must also register
    /// the store (<c>IAuditStore</c>, <c>IApiKeyStore</c>, <c>IApprovalStore</c>, <c>IGrantStore</c>, <c>IAgentTokenStore</c>, <c>IMcpToolPinStore</c>) and the <c>IAuditTrail</c>.
    /// </summary>
    public static IServiceCollection AddGatehouseGateway(this IServiceCollection services, GatehouseConfig config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(config);
        services.AddGatehouseOptions(config);

        // First of the gateway's hosted services: the writer lease is taken before anything is served, and the jobs'
        // leases are released only after the jobs stopped.
        services.AddLeaseKeeper(config.Storage.Leases);
        services.AddSingleton(_ => MaskingServices.CreateEngine(config));
        services.AddSingleton<Forwarding.ResponsePipelines>();
        services.AddSingleton<Mcp.Pinning.McpToolPins>();
        services.AddSingleton<Mcp.Sampling.McpSamplingRefusals>();
        services.AddHostedService(sp => sp.GetRequiredService<Mcp.Sampling.McpSamplingRefusals>());
        services.AddSingleton<RequestMasker>();
        services.AddSingleton<RequestMaskingStage>();
        services.AddSingleton(sp => new DecisionStage(
            config.Policy.File is { } file
                ? PolicyProvider.Start(file, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILoggerFactory>().CreateLogger("Gatehouse.Policy"))
                : null,
            sp.GetRequiredService<TimeProvider>()));
        services.AddAgentTunnels();
        services.AddSingleton<Mcp.Bridge.McpBridges>();
        services.AddHostedService(sp => sp.GetRequiredService<Mcp.Bridge.McpBridges>());
        services.AddSingleton(sp => new ConnectionCatalog(
            config, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<AgentTunnels>(), sp.GetRequiredService<Mcp.Bridge.McpBridges>(), sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(new ProtocolRegistry(config.Audit.TextCapChars));
        services.AddSingleton<GatewayMetrics>();
        // Outcome appends in flight are bounded by the audit queue's own capacity; the host drains them on shutdown.
        services.AddSingleton(new OutcomeAppends(config.Audit.QueueCapacity));
        services.AddSingleton<ExchangeEndings>();
        services.AddSingleton<ExchangeHandler>();
        services.AddSingleton<ReviewAudit>();
        services.AddSingleton<CallerHolds>();
        services.AddSingleton<ApprovalGate>();
        services.AddSingleton<Mcp.Progress.McpHeldProgress>();
        services.AddSingleton(_ => Mcp.Approvals.McpStateSeal.For(config));
        services.AddSingleton<Mcp.Approvals.McpStatelessHold>();
        services.AddSingleton<RefusedCallers>();
        services.AddHostedService<RefusalAuditService>();
        services.AddGatehouseAccess();
        services.AddResponseHolds();
        services.AddSingleton<ReadinessCheck>();
        services.AddHttpForwarder();
        services.AddGatehouseIdentity(config.Identity);
        services.AddForwardProxy(config);

        // Metrics are always collected (cheap counters, read by any exporter or `dotnet-counters`). Traces are only
        // produced when something will receive them: a registered listener makes every request allocate activities.
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config.Telemetry.ServiceName, serviceVersion: Gatehouse.Audit.Versioning.GatehouseVersion.Current.Version))
            .WithMetrics(m => m.AddMeter(GatewayTelemetry.MeterName, "Gatehouse.Audit", Gatehouse.Export.Running.ExportMetrics.MeterName).AddAspNetCoreInstrumentation());
        if (config.Telemetry.OtlpEndpoint is { } endpoint)
        {
            telemetry.WithTracing(t => t.AddSource(GatewayTelemetry.SourceName).AddAspNetCoreInstrumentation());
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf, new Uri(endpoint));
        }

        return services;
    }
}
