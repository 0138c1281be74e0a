using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Listening;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ForwardProxy;

/// <summary>Puts the forward proxy on its own Kestrel endpoint and into the request pipeline.</summary>
public static class ForwardProxyHosting
{
    /// <summary>Returns the URLs Kestrel listens on: the gateway's, and the proxy's when one is configured.</summary>
    public static IReadOnlyList<string> ListenUrls(GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Proxy is { } proxy ? [.. config.Server.Urls, proxy.Listen] : config.Server.Urls;
    }

    /// <summary>Adds the proxy's connection middleware to the endpoint bound to <c>proxy.listen</c> (its port is its own).</summary>
    public static void UseForwardProxy(this KestrelServerOptions kestrel, GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(kestrel);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Proxy is not { } proxy)
        {
            return;
        }

        var port = new Uri(proxy.Listen).Port;
        kestrel.ConfigureEndpointDefaults(endpoint =>
        {
            if (endpoint.IPEndPoint?.Port != port)
            {
                return;
            }

            endpoint.Protocols = HttpProtocols.Http1AndHttp2;
            endpoint.Use(next =>
            {
                var listener = kestrel.ApplicationServices.GetRequiredService<ForwardProxyListener>();
                return connection => listener.OnConnectionAsync(connection, next);
            });
        });
    }

    /// <summary>Runs requests that arrived through the proxy through their connection's exchange pipeline.</summary>
    public static IApplicationBuilder UseForwardProxy(this IApplicationBuilder app, GatehouseConfig config)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(config);
        if (config.Proxy is not { } proxy)
        {
            return app;
        }

        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Gatehouse.Gateway.ForwardProxy");
        Log.Listening(logger, proxy.Listen, proxy.Intercept.Count, proxy.Tunnel.Count, proxy.Default.ToString().ToLowerInvariant());
        if (proxy.AllowPrivateTargets)
        {
            Log.PrivateTargetsAllowed(logger);
        }

        var requests = app.ApplicationServices.GetRequiredService<ForwardProxyRequests>();
        return app.Use(next => context => requests.InvokeAsync(context, next));
    }
}
