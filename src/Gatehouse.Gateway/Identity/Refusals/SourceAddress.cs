using System.Net;
using System.Net.Sockets;

namespace Gatehouse.Gateway.Identity.Refusals;

/// <summary>What counts as one source: an IPv4 address, or the /64 prefix of an IPv6 one (one host can hold a whole /64).</summary>
internal static class SourceAddress
{
    public static string KeyOf(string? address)
    {
        if (address is null || !IPAddress.TryParse(address, out var ip))
        {
            return "unknown";
        }

        if (ip.IsIPv4MappedToIPv6)
        {
            return ip.MapToIPv4().ToString();
        }

        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return ip.ToString();
        }

        var bytes = ip.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
