using System.Collections.Frozen;
using Gatehouse.Gateway.Agents;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Demo;
using Gatehouse.Gateway.Forwarding;

namespace Gatehouse.Gateway.Routing;

/// <summary>
/// The connections of one configuration snapshot, by name, each with its upstream client: the shared one, the demo
/// upstream, or the tunnels of the agent named by <c>via</c>.
/// </summary>
internal sealed class ConnectionCatalog : IDisposable
{
    private readonly FrozenDictionary<string, RoutedConnection> _connections;

    public ConnectionCatalog(GatehouseConfig config, TimeProvider time, AgentTunnels tunnels)
    {
        var shared = UpstreamClientFactory.Create();
        _connections = config.Connections.ToFrozenDictionary(
            c => c.Name,
            c => new RoutedConnection(
                c,
                c.Demo ? new HttpMessageInvoker(new DemoUpstreamHandler(time))
                    : c.Via is { } agent ? new HttpMessageInvoker(new AgentTunnelHandler(tunnels, agent))
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
