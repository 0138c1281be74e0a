using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.ForwardProxy.Routing;

/// <summary>Maps a requested host to intercept, tunnel or refuse: the first matching intercept rule, then the tunnel list, then <c>proxy.default</c>.</summary>
internal sealed class ProxyRoutes
{
    private readonly (HostPattern Pattern, string Connection)[] _intercept;
    private readonly HostPattern[] _tunnel;
    private readonly ProxyDefault _fallback;

    public ProxyRoutes(ProxyConfig config)
    {
        _intercept = [.. config.Intercept.Select(r => (HostPattern.TryParse(r.Host)!, r.Connection))];
        _tunnel = [.. config.Tunnel.Select(t => HostPattern.TryParse(t)!)];
        _fallback = config.Default;
    }

    public ProxyRoute Find(string host)
    {
        foreach (var (pattern, connection) in _intercept)
        {
            if (pattern.Matches(host))
            {
                return new ProxyRoute(ProxyRouteKind.Intercept, connection, true);
            }
        }

        foreach (var pattern in _tunnel)
        {
            if (pattern.Matches(host))
            {
                return new ProxyRoute(ProxyRouteKind.Tunnel, null, true);
            }
        }

        return _fallback == ProxyDefault.Tunnel ? new ProxyRoute(ProxyRouteKind.Tunnel, null, false) : ProxyRoute.Refused;
    }
}
