using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Agents;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Problems;
using Gatehouse.Gateway.Health;
using Gatehouse.Gateway.Mcp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Hosting;

/// <summary>Maps the gateway's endpoints: health, readiness and the data path.</summary>
public static class GatewayEndpoints
{
    /// <summary>
    /// Maps <c>/healthz</c>, <c>/readyz</c>, the agent tunnel and <c>/{connection}/{**path}</c>;
    /// the admin, audit and review APIs are the control plane's (<c>MapControlPlane</c>).
    /// </summary>
    public static IEndpointRouteBuilder MapGatehouse(this IEndpointRouteBuilder endpoints)
    {
        // Liveness with the build it runs, so an operator sees which version answers behind a load balancer.
        endpoints.MapGet("/healthz", () => Results.Json(HealthReport.Current, HealthJsonContext.Default.HealthReport)).ExcludeFromDescription();
        endpoints.MapGet("/readyz", async (ReadinessCheck readiness, HttpContext context) =>
        {
            var ready = await readiness.IsReadyAsync(context.RequestAborted);
            return ready
                ? Results.Text("ready\n")
                : Results.Problem(
                    type: GatehouseProblem.TypeBase + ExchangeFailureCode.AuditUnavailable.ToName(),
                    title: "Not ready",
                    detail: "The audit store is not writable, so exchanges would be refused.",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();

        endpoints.MapMcpResourceMetadata();
        endpoints.MapAgents();
        var handler = endpoints.ServiceProvider.GetRequiredService<ExchangeHandler>();
        endpoints.Map("/{connection}/{**path}", handler.HandleAsync);
        return endpoints;
    }
}
