using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.Agents;

/// <summary>Registers the gateway's end of agent tunnels. The host registers the <see cref="Storage.Agents.IAgentTokenStore"/>.</summary>
internal static class AgentServiceCollectionExtensions
{
    public static IServiceCollection AddAgentTunnels(this IServiceCollection services)
    {
        services.AddSingleton<AgentTunnels>();
        services.AddSingleton<AgentAudit>();
        services.AddSingleton<AgentCertificateCheck>();
        services.AddSingleton<AgentConnectEndpoint>();
        return services;
    }
}
