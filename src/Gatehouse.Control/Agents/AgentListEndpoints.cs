using Gatehouse.Control.Authorization;
using Gatehouse.Gateway.Agents;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Gatehouse.Control.Agents;

/// <summary>Maps <c>GET /api/agents</c>: admins see the agent tunnels connected to this replica.</summary>
internal static class AgentListEndpoints
{
    private static readonly ForbiddenProblem Forbidden = new("agents_forbidden", "Agents", "Only the gateway's admins (roles.admin) may list agents.");

    public static void MapAgentList(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/agents", ListAsync)
            .RequireRole(ControlPolicies.Admin, Forbidden)
            .WithTags("Agents")
            .WithName("ListAgents")
            .WithSummary("Lists the agent tunnels connected to this gateway replica: name, since, from where, version and load.")
            .Produces<AgentView[]>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static Task ListAsync(HttpContext context, AgentTunnels tunnels)
    {
        var views = tunnels.All.Select(t => new AgentView(t.Name, t.Id, t.Instance, t.Since, t.RemoteAddress, t.Version, t.InFlight, t.Requests, t.Upstreams)).ToArray();
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsJsonAsync(views, AgentJsonContext.Default.AgentViewArray, cancellationToken: context.RequestAborted);
    }
}
