using Gatehouse.Control.Agents;
using Gatehouse.Control.AuditApi;
using Gatehouse.Control.Console;
using Gatehouse.Control.Mcp;
using Gatehouse.Control.Reviews;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Hosting;

/// <summary>Maps the control plane's endpoints: the admin and audit APIs and the console.</summary>
/// <remarks>
/// Every API route states its policy (<see cref="Authorization.ControlPolicies"/>) or an explicit anonymous allowance;
/// the role-by-route matrix test enumerates the routes and fails on one that states neither.
/// </remarks>
public static class ControlPlaneEndpoints
{
    /// <summary>Maps <c>/api/audit</c>, <c>/api/openapi.json</c>, the review API (<c>/api/reviews</c>, <c>/api/approvals</c>, <c>/api/access/requests</c>), <c>/api/mcp/tools</c>, <c>GET /api/agents</c> and the console at <c>/console</c>.</summary>
    public static IEndpointRouteBuilder MapControlPlane(this IEndpointRouteBuilder endpoints, GatehouseConfig config)
    {
        endpoints.MapAuditApi();
        endpoints.MapReviewApi();
        endpoints.MapMcpTools();
        endpoints.MapAgentList();
        endpoints.MapGatehouseConsole(config);
        return endpoints;
    }
}
