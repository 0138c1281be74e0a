using System.Collections.Concurrent;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// An MCP server built with the official C# SDK (<c>ModelContextProtocol.AspNetCore</c>) on Kestrel at 127.0.0.1:0,
/// serving <see cref="McpTestTools"/> at <c>/mcp</c>, which records every request it got before the SDK handles it.
/// </summary>
public sealed class McpUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private McpUpstream(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Starts the server: stateless (2026-07-28), or with sessions for clients that initialize (2025 revisions).</summary>
    /// <remarks>With <paramref name="legacySse"/>, the deprecated HTTP+SSE transport is served too, at <c>/mcp/sse</c> and <c>/mcp/message</c>.</remarks>
    /// <remarks>With <paramref name="sampling"/>, <see cref="McpSamplingTools"/> is served too.</remarks>
    public static async Task<McpUpstream> StartAsync(bool sessions = false, bool legacySse = false, bool sampling = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Services.AddMcpServer().WithHttpTransport(o =>
        {
            o.Stateless = !sessions;
#pragma warning disable MCP9004 // The deprecated transport is exactly what the gateway's HTTP+SSE tests need upstream.
            o.EnableLegacySse = legacySse;
#pragma warning restore MCP9004
        }).WithTools<McpTestTools>();
        if (sampling)
        {
            server.WithTools<McpSamplingTools>();
        }

        var app = builder.Build();
        var upstream = new McpUpstream(app);
        app.Use(async (context, next) =>
        {
            context.Request.EnableBuffering();
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            context.Request.Body.Position = 0;
            upstream.Received.Enqueue(new ReceivedRequest(
                context.Request.Method,
                context.Request.Path.Value + context.Request.QueryString.Value,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            await next(context);
        });
        app.MapMcp("/mcp");
        await app.StartAsync();
        upstream.BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
