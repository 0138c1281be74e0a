namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The forward-proxy listener (<c>proxy:</c>): clients that cannot change their base URL set it as their HTTP proxy, and
/// the hosts it intercepts run through a connection's whole pipeline. Null on <see cref="GatehouseConfig.Proxy"/> when
/// the section is absent, and then no proxy listens.
/// </summary>
public sealed record ProxyConfig
{
    /// <summary>Gets the plain-HTTP URL the proxy listens on, for example <c>http://0.0.0.0:3128</c>.</summary>
    public required string Listen { get; init; }

    /// <summary>Gets the hosts whose TLS is terminated and whose requests run through a connection, in order.</summary>
    public IReadOnlyList<ProxyInterceptConfig> Intercept { get; init; } = [];

    /// <summary>Gets the host patterns tunnelled blind (bytes copied, metadata audited).</summary>
    public IReadOnlyList<string> Tunnel { get; init; } = [];

    /// <summary>Gets what happens to a host neither intercepted nor tunnelled; the default refuses it (403).</summary>
    public ProxyDefault Default { get; init; } = ProxyDefault.Refuse;

    /// <summary>Gets the ports CONNECT may reach; the default is 443 only.</summary>
    public IReadOnlyList<int> Ports { get; init; } = [443];

    /// <summary>Gets the organisation's CA that issues the intercepted hosts' certificates; required when anything is intercepted.</summary>
    public ProxyCaConfig? Ca { get; init; }

    /// <summary>Gets how long an issued leaf certificate is valid; the default is 24 hours.</summary>
    /// <remarks>Leaves are renewed when a third of their lifetime is left, so a client never sees one about to expire.</remarks>
    public TimeSpan LeafLifetime { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets a value indicating whether tunnels may reach loopback, link-local and other non-public addresses; the
    /// default is false. Unsafe: it turns the proxy into a way into the gateway's own host and network. For tests only.
    /// </summary>
    public bool AllowPrivateTargets { get; init; }
}
