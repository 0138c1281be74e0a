using System.Globalization;
using Gatehouse.ProxyBench;

// bench/proxy/run.sh drives this: `upstream PORT` serves the fake model; `load ...` measures direct against proxied.
return args switch
{
    ["upstream", var port] => await FakeModel.RunAsync(int.Parse(port, CultureInfo.InvariantCulture)),
    ["load", var gateway, var proxy, var key, var ca, var seconds, var concurrency, var handshakes] => await ProxyLoad.RunAsync(
        new Uri(gateway), new Uri(proxy), key, ca,
        TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)),
        int.Parse(concurrency, CultureInfo.InvariantCulture),
        int.Parse(handshakes, CultureInfo.InvariantCulture)),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: upstream PORT | load GATEWAY_URL PROXY_URL API_KEY CA_CERT SECONDS CONCURRENCY HANDSHAKES");
    return 2;
}
