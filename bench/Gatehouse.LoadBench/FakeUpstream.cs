namespace Gatehouse.LoadBench;

/// <summary>
/// A minimal OpenAI-compatible upstream on loopback: it drains the request and writes a canned chat completion (or its
/// server-sent events), so that what is measured is the path in front of it.
/// </summary>
internal static class FakeUpstream
{
    public static async Task<WebApplication> StartAsync(int port, ChatPayloads payloads, bool stream)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        var app = builder.Build();
        app.Run(context => stream ? StreamAsync(context, payloads) : CompleteAsync(context, payloads));
        await app.StartAsync();
        return app;
    }

    private static async Task CompleteAsync(HttpContext context, ChatPayloads payloads)
    {
        await DrainAsync(context);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = payloads.Completion.Length;
        await context.Response.Body.WriteAsync(payloads.Completion, context.RequestAborted);
    }

    private static async Task StreamAsync(HttpContext context, ChatPayloads payloads)
    {
        await DrainAsync(context);
        context.Response.ContentType = "text/event-stream";
        foreach (var chunk in payloads.StreamChunks)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static async Task DrainAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            reader.AdvanceTo(read.Buffer.End);
            if (read.IsCompleted)
            {
                return;
            }
        }
    }
}
