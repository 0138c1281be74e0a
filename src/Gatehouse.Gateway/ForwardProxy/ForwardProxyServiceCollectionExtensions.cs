using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Certificates;
using Gatehouse.Gateway.ForwardProxy.Listening;
using Gatehouse.Gateway.ForwardProxy.Routing;
using Gatehouse.Gateway.ForwardProxy.Tunnels;
using Gatehouse.Gateway.Secrets;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.Gateway.ForwardProxy;

/// <summary>Registers the forward proxy's services when <c>proxy:</c> is configured.</summary>
internal static class ForwardProxyServiceCollectionExtensions
{
    public static IServiceCollection AddForwardProxy(this IServiceCollection services, GatehouseConfig config)
    {
        if (config.Proxy is not { } proxy)
        {
            return services;
        }

        services.AddSingleton(new ProxyRoutes(proxy));
        services.AddSingleton<ProxyAuthenticator>();
        services.AddSingleton<TunnelAudit>();
        services.AddSingleton<BlindTunnel>();
        services.AddSingleton<InterceptedTunnel>();
        services.AddSingleton<ForwardProxyListener>();
        services.AddSingleton<ForwardProxyRequests>();
        services.AddSingleton(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            // Checked when the configuration was loaded; a CA that became unreadable since then stops the start-up here.
            var ca = proxy.Ca is { } files
                ? OrganisationCa.TryLoad(files, time, out var problem) ?? throw new KeyFileException("proxy.ca." + problem)
                : null;
            return new LeafCertificateCache(ca, proxy, time);
        });
        return services;
    }
}
