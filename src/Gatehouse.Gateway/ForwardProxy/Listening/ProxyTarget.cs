using System.Globalization;
using System.Net;
using Gatehouse.Gateway.ForwardProxy.Routing;

namespace Gatehouse.Gateway.ForwardProxy.Listening;

/// <summary>The host and port a CONNECT asks for (RFC 9110 §9.3.6: authority-form, <c>host:port</c>).</summary>
internal sealed record ProxyTarget(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c> or <c>[v6]:port</c>; the host is lower-cased and must be a DNS name or an IP literal.</summary>
    public static ProxyTarget? TryParse(string authority)
    {
        var colon = authority.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(authority.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return null;
        }

        var host = authority[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            return IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? new ProxyTarget(v6.ToString(), port)
                : null;
        }

        if (IPAddress.TryParse(host, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return new ProxyTarget(v4.ToString(), port);
        }

        return HostPattern.TryParse(host) is { } name && !name.Text.StartsWith('*') ? new ProxyTarget(name.Text, port) : null;
    }
}
