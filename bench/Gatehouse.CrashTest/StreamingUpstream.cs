using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Gatehouse.CrashTest;

/// <summary>
/// An OpenAI chat-completions upstream on loopback that streams a fixed number of paced events. It lives in this
/// process, so it keeps running while the gateway is killed and restarted. Stream lengths vary (the base count plus 0 to
/// 7 events, in turn), so the client's streams drift apart and kills land in every phase of an exchange.
/// </summary>
internal sealed class StreamingUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StreamingUpstream(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<StreamingUpstream> StartAsync(int events, TimeSpan pause)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new int[1];
        app.Run(context => StreamAsync(context, events + (Interlocked.Increment(ref requests[0]) % 8), pause));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StreamingUpstream(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task StreamAsync(HttpContext context, int events, TimeSpan pause)
    {
        var aborted = context.RequestAborted;
        await context.Request.Body.CopyToAsync(Stream.Null, aborted);
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < events; i++)
        {
            var chunk = $$"""{"id":"c1","object":"chat.completion.chunk","model":"crash-model","choices":[{"index":0,"delta":{"content":"word{{i}} "},"finish_reason":null}]}""";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {chunk}\n\n"), aborted);
            await context.Response.Body.FlushAsync(aborted);
            await Task.Delay(pause, aborted);
        }

        const string last = """{"id":"c1","object":"chat.completion.chunk","model":"crash-model","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""";
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {last}\n\ndata: [DONE]\n\n"), aborted);
    }
}
