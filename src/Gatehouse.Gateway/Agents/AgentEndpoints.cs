using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Agents;

/// <summary>Maps <c>/api/agents/connect</c> (agents dial it) and <c>GET /api/agents</c> (admins see the connected agents).</summary>
internal static class AgentEndpoints
{
    public static void MapAgents(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.ServiceProvider.GetRequiredService<AgentConnectEndpoint>();
        endpoints.Map(AgentProtocol.ConnectPath, connect.HandleAsync).ExcludeFromDescription();

        endpoints.MapGet("/api/agents", ListAsync)
            .WithTags("Agents")
            .WithName("ListAgents")
            .WithSummary("Lists the agent tunnels connected to this gateway replica: name, since, from where, version and load.")
            .Produces<AgentView[]>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task ListAsync(HttpContext context, IdentityResolver identity, GatehouseConfig config, AgentTunnels tunnels)
    {
        var auth = await identity.AuthenticateAsync(context);
        if (!auth.Succeeded)
        {
            await IdentityResolver.WriteProblemAsync(context, auth.Failure);
            return;
        }

        var caller = auth.Identity;
        if (!RoleCheck.IsAdmin(caller, config.Roles))
        {
            await ProblemWriter.WriteAsync(context.Response, new GatehouseProblem("agents_forbidden", "Agents", StatusCodes.Status403Forbidden,
                "Only the gateway's admins (roles.admin) may list agents."), context.RequestAborted);
            return;
        }

        var views = tunnels.All.Select(t => new AgentView(t.Name, t.Id, t.Instance, t.Since, t.RemoteAddress, t.Version, t.InFlight, t.Requests, t.Upstreams)).ToArray();
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsJsonAsync(views, AgentJsonContext.Default.AgentViewArray, cancellationToken: context.RequestAborted);
    }
}
