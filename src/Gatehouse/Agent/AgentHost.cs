using Gatehouse.Agent.Tunnel;
using Gatehouse.Gateway.Agents;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Gatehouse.Agent;

/// <summary>
/// Builds the agent process: Kestrel serving HTTP/2 on the tunnels the dialer opens (no listening socket at all), with
/// the agent's hello and its forwarding of <c>/{upstream}/{**path}</c>.
/// </summary>
internal static class AgentHost
{
    public static WebApplication Build(AgentOptions options, Action<ILoggingBuilder>? configureLogging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = "gatehouse-agent",
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;

            // The gateway bounds and times requests; the agent only relays them. An idle tunnel is kept open (HTTP/2
            // pings and WebSocket keep-alives find a dead one), and the gateway's exchanges share it as HTTP/2 streams.
            // Kestrel closes an HTTP/2 connection without streams after KeepAliveTimeout, and takes "infinite" as
            // already elapsed (a GOAWAY within a second): so a long, finite one.
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromDays(365);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
            kestrel.Limits.MinResponseDataRate = null;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            kestrel.Listen(new TunnelEndPoint(), listen => listen.Protocols = HttpProtocols.Http2);
        });
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
        configureLogging?.Invoke(builder.Logging);

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TunnelListenerFactory>();
        services.AddSingleton<IConnectionListenerFactory>(sp => sp.GetRequiredService<TunnelListenerFactory>());
        services.AddSingleton<TunnelDialer>();
        services.AddHostedService(sp => sp.GetRequiredService<TunnelDialer>());
        services.AddHttpForwarder();
        services.AddSingleton<AgentRequests>();

        var app = builder.Build();
        var requests = app.Services.GetRequiredService<AgentRequests>();
        app.MapGet(AgentProtocol.HelloPath, requests.Hello);
        app.Map("/{upstream}/{**path}", requests.ForwardAsync);
        return app;
    }
}
