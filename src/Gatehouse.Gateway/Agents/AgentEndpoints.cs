using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Agents;

/// <summary>Maps <c>/api/agents/connect</c>, where agents dial in. Listing them is the control plane's (<c>GET /api/agents</c>).</summary>
internal static class AgentEndpoints
{
    public static void MapAgents(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.ServiceProvider.GetRequiredService<AgentConnectEndpoint>();
        endpoints.Map(AgentProtocol.ConnectPath, connect.HandleAsync).ExcludeFromDescription();
    }
}
