using System.Diagnostics;
using System.Net;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.LoadBench;

/// <summary>
/// The baseline: YARP's <see cref="IHttpForwarder"/> with its default transformer and the client YARP's documentation
/// recommends, forwarding every request to the upstream and doing nothing else. Run in a child process of its own, as
/// the gateway is, so both proxies pay the same process, GC and scheduling costs.
/// </summary>
internal static class BareYarp
{
    public static async Task RunAsync(int port, Uri upstream)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddHttpForwarder();
        var app = builder.Build();

        var forwarder = app.Services.GetRequiredService<IHttpForwarder>();
        // The client settings YARP documents for a forwarder, which the gateway's upstream client also uses: the two
        // proxies must differ only in what Gatehouse adds, not in how they talk to the upstream.
        using var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });
        var requestConfig = new ForwarderRequestConfig { ActivityTimeout = TimeSpan.FromSeconds(100) };
        var destination = upstream.ToString();
        app.Run(async context => await forwarder.SendAsync(context, destination, client, requestConfig, HttpTransformer.Default));
        await app.RunAsync();
    }
}
