using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// A model upstream on Kestrel at 127.0.0.1:0 whose answer each test sets, and which records every request it got.
/// </summary>
public sealed class FakeUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeUpstream(WebApplication app)
    {
        _app = app;
    }

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>Gets or sets what the upstream answers; the default is 200 with an empty JSON object.</summary>
    public Func<HttpContext, ReceivedRequest, Task> Handler { get; set; } = (context, _) => context.Response.WriteAsJsonAsync(new { });

    /// <summary>Gets or sets a check run before the answer (for example: is the intent already audited?).</summary>
    public Func<ReceivedRequest, Task>? OnRequest { get; set; }

    public Uri BaseUri { get; private set; } = null!;

    public static Task<FakeUpstream> StartAsync() => StartAsync(null, null);

    /// <summary>
    /// Starts the upstream on a socket that is already listening (a file descriptor, which Kestrel then owns and
    /// closes), reached at <paramref name="baseUri"/>: one made inside another network namespace, for example.
    /// </summary>
    public static Task<FakeUpstream> StartOnSocketAsync(int descriptor, Uri baseUri) => StartAsync((ulong)descriptor, baseUri);

    private static async Task<FakeUpstream> StartAsync(ulong? descriptor, Uri? baseUri)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (descriptor is { } handle)
        {
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenHandle(handle));
        }
        else
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }

        builder.Logging.ClearProviders();
        var app = builder.Build();
        var upstream = new FakeUpstream(app);
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var received = new ReceivedRequest(
                context.Request.Method,
                context.Request.Path.Value + context.Request.QueryString.Value,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            upstream.Received.Enqueue(received);
            if (upstream.OnRequest is { } check)
            {
                await check(received);
            }

            await upstream.Handler(context, received);
        });
        await app.StartAsync();
        upstream.BaseUri = baseUri ?? new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return upstream;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
