using System.Net;
using System.Net.Sockets;

namespace Gatehouse.Gateway.ForwardProxy.Routing;

/// <summary>Which resolved addresses a tunnel may connect to.</summary>
/// <remarks>
/// Never an open door into the gateway's own host or cloud metadata: loopback, link-local (169.254.0.0/16, fe80::/10),
/// unspecified, multicast and broadcast addresses are refused for every host. Private ranges (RFC 1918, CGNAT, ULA)
/// are refused for hosts reached by <c>proxy.default: tunnel</c>, and allowed for hosts the operator listed by name.
/// The check runs on the addresses the tunnel then connects to, so a DNS answer cannot change between check and use.
/// </remarks>
internal static class TargetAddresses
{
    public static bool Allowed(IPAddress address, bool listed)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
            || address.Equals(IPAddress.Broadcast) || address.Equals(IPAddress.IPv6None))
        {
            return false;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal)
            {
                return false;
            }

            var first = address.GetAddressBytes()[0];
            return listed || (first & 0xFE) != 0xFC; // fc00::/7, unique local
        }

        var b = address.GetAddressBytes();
        if (b[0] == 0 || b[0] >= 224 || (b[0] == 169 && b[1] == 254))
        {
            return false; // 0.0.0.0/8, multicast and reserved, link-local
        }

        var isPrivate = b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && (b[1] & 0xC0) == 64);
        return listed || !isPrivate;
    }
}
