namespace Gatehouse.Gateway.ForwardProxy.Routing;

/// <summary>What the proxy does with a host.</summary>
internal enum ProxyRouteKind
{
    /// <summary>Refused with 403.</summary>
    Refuse,

    /// <summary>TLS terminated; the requests run through a connection's pipeline.</summary>
    Intercept,

    /// <summary>Bytes copied blind, metadata audited.</summary>
    Tunnel,
}
