using System.Collections.Frozen;
using Gatehouse.Gateway.Agents;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Demo;
using Gatehouse.Gateway.Forwarding;
using Gatehouse.Gateway.Mcp.Bridge;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Routing;

/// <summary>
/// The connections of one configuration snapshot, by name, each with its upstream client: the shared one, the demo
/// upstream, the tunnels of the agent named by <c>via</c>, or the bridge to a stdio or HTTP+SSE MCP server.
/// </summary>
internal sealed class ConnectionCatalog : IDisposable
{
    private readonly FrozenDictionary<string, RoutedConnection> _connections;

    public ConnectionCatalog(GatehouseConfig config, TimeProvider time, AgentTunnels tunnels, McpBridges bridges, ILoggerFactory logs)
    {
        var shared = UpstreamClientFactory.Create();
        _connections = config.Connections.ToFrozenDictionary(
            c => c.Name,
            c => new RoutedConnection(
                c,
                c.Demo ? new HttpMessageInvoker(new DemoUpstreamHandler(time))
                    : c.Via is { } agent ? new HttpMessageInvoker(new AgentTunnelHandler(tunnels, agent))
                    : McpBridgeClients.Create(c, bridges, shared, time, logs) is { } bridge ? bridge
                    : shared,
                new UpstreamTransformer(c)),
            StringComparer.OrdinalIgnoreCase);
    }

    public IEnumerable<RoutedConnection> All => _connections.Values;

    public RoutedConnection? Find(string name) => _connections.GetValueOrDefault(name);

    public void Dispose()
    {
        foreach (var client in _connections.Values.Select(c => c.Client).Distinct())
        {
            client.Dispose();
        }
    }
}
