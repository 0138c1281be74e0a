namespace Gatehouse.Gateway.ForwardProxy.Routing;

/// <summary>The proxy's decision for one host.</summary>
/// <param name="Kind">Intercept, tunnel or refuse.</param>
/// <param name="Connection">The connection an intercepted host's requests run through.</param>
/// <param name="Listed">Whether a tunnelled host is listed under <c>proxy.tunnel</c> (rather than reached by <c>proxy.default: tunnel</c>).</param>
internal sealed record ProxyRoute(ProxyRouteKind Kind, string? Connection, bool Listed)
{
    public static readonly ProxyRoute Refused = new(ProxyRouteKind.Refuse, null, false);
}
