using System.Net;
using System.Net.Sockets;

namespace Gatehouse.Testing;

/// <summary>
/// The addresses one attempt of <c>ChildProcess.ServeAsync</c> hands a server: <see cref="Url"/> for its plain-HTTP front door, and any further listeners the test asks for.
/// </summary>
/// <remarks>
/// A port found free here is released before the child binds it, and another process may take it in between: the
/// child then fails with "address already in use" and <c>ServeAsync</c> starts it again with a fresh instance, so
/// every port of the attempt is chosen anew together. Asking for every port through this type is what makes that
/// retry cover them all.
/// </remarks>
internal sealed class ServeUrls
{
    private readonly Func<IPAddress, int> _freePort;
    private readonly List<string> _all = [];

    /// <summary>Creates the addresses of one attempt; <paramref name="freePort"/> picks a port (a free one by default).</summary>
    public ServeUrls(Func<IPAddress, int>? freePort = null)
    {
        _freePort = freePort ?? FreePort;
        Url = Http(IPAddress.Loopback);
    }

    /// <summary>Gets the plain-HTTP URL on 127.0.0.1 (the server's first listener).</summary>
    public string Url { get; }

    /// <summary>Gets every URL handed out so far, <see cref="Url"/> first.</summary>
    public IReadOnlyList<string> All => _all;

    /// <summary>Returns an <c>http://</c> URL on a port of <paramref name="address"/> found free, and remembers it.</summary>
    public string Http(IPAddress address) => Remember($"http://{Host(address)}:{_freePort(address)}");

    /// <summary>Returns an <c>https://</c> URL on a port of <paramref name="address"/> found free, and remembers it.</summary>
    public string Https(IPAddress address) => Remember($"https://{Host(address)}:{_freePort(address)}");

    private static string Host(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();

    private static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private string Remember(string url)
    {
        _all.Add(url);
        return url;
    }
}
