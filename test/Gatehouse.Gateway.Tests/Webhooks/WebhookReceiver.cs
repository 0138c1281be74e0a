using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Tests.Webhooks;

/// <summary>A webhook receiver on Kestrel at 127.0.0.1:0 that records every delivery and answers the statuses it is given.</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _statuses;

    private WebhookReceiver(WebApplication app, IEnumerable<int> statuses)
    {
        _app = app;
        _statuses = new ConcurrentQueue<int>(statuses);
    }

    public ConcurrentQueue<Delivery> Received { get; } = new();

    /// <summary>Gets the status answered once the given ones are used up; the default is 200.</summary>
    public int ThenStatus { get; init; } = 200;

    public Uri Url { get; private set; } = null!;

    /// <summary>Starts a receiver that answers <paramref name="first"/> in turn, then <paramref name="thenStatus"/>.</summary>
    public static async Task<WebhookReceiver> StartAsync(IReadOnlyList<int>? first = null, int thenStatus = 200)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, first ?? []) { ThenStatus = thenStatus };
        app.Run(async context =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver.Received.Enqueue(new Delivery(context.Request.Path + context.Request.QueryString, headers, body.ToArray()));
            context.Response.StatusCode = receiver._statuses.TryDequeue(out var status) ? status : receiver.ThenStatus;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = new Uri(new Uri(address), "/hooks/gatehouse?token=q-secret");
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Delivery(string PathAndQuery, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : "";
    }
}
