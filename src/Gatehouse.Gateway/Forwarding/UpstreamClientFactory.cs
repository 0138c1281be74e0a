using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>Creates the HTTP client YARP forwards with, configured as a proxy's client should be.</summary>
internal static class UpstreamClientFactory
{
    public static HttpMessageInvoker Create()
    {
        var handler = new SocketsHttpHandler
        {
            // A proxy never follows redirects, never decompresses (bytes go through as they are) and never keeps
            // cookies of its own; the machine's proxy settings must not silently reroute traffic.
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ResponseDrainTimeout = TimeSpan.FromSeconds(5),
        };
        return new HttpMessageInvoker(handler, disposeHandler: true);
    }
}
