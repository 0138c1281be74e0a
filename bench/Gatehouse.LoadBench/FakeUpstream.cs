using System.Buffers;
using System.Text;

namespace Gatehouse.LoadBench;

/// <summary>
/// A minimal OpenAI-compatible upstream on loopback: it reads the request and writes a canned chat completion, or its
/// server-sent events when the request asks for a stream, so that what is measured is the path in front of it. A
/// streamed request naming <see cref="ChatPayloads.PacedModel"/> gets its events at the streaming pass's pace (like
/// tokens), one naming <see cref="ChatPayloads.HeldModel"/> is held open for the concurrent-streams pass. A request to
/// a path ending in <c>/messages</c> is answered as Anthropic messages answers.
/// </summary>
internal static class FakeUpstream
{
    private static readonly byte[] StreamFlag = Encoding.UTF8.GetBytes("\"stream\":true");
    private static readonly byte[] Held = Encoding.UTF8.GetBytes(ChatPayloads.HeldModel);

    public static async Task<WebApplication> StartAsync(int port, ChatPayloads payloads, BenchOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxConcurrentConnections = null;
        });
        var app = builder.Build();
        var heldPace = options.HoldFor / payloads.StreamChunks.Length;
        app.Run(async context =>
        {
            var (stream, held) = await ReadAsync(context);
            var anthropic = context.Request.Path.Value?.EndsWith("/messages", StringComparison.Ordinal) == true;
            if (!stream)
            {
                await CompleteAsync(context, anthropic ? payloads.Anthropic.Message : payloads.Completion);
                return;
            }

            await StreamAsync(context, anthropic ? payloads.Anthropic.Events : payloads.StreamChunks, held ? heldPace : options.Pace);
        });
        await app.StartAsync();
        return app;
    }

    private static async Task CompleteAsync(HttpContext context, byte[] answer)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = answer.Length;
        await context.Response.Body.WriteAsync(answer, context.RequestAborted);
    }

    private static async Task StreamAsync(HttpContext context, byte[][] events, TimeSpan pace)
    {
        context.Response.ContentType = "text/event-stream";
        for (var i = 0; i < events.Length; i++)
        {
            if (i > 0 && pace > TimeSpan.Zero)
            {
                await Task.Delay(pace, context.RequestAborted);
            }

            await context.Response.Body.WriteAsync(events[i], context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    /// <summary>Reads the whole request and tells whether it asks for a stream, and whether to hold that stream open.</summary>
    private static async Task<(bool Stream, bool Held)> ReadAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            if (read.IsCompleted)
            {
                var body = read.Buffer;
                var result = (Contains(body, StreamFlag), Contains(body, Held));
                reader.AdvanceTo(body.End);
                return result;
            }

            reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        }
    }

    private static bool Contains(ReadOnlySequence<byte> body, byte[] value)
    {
        if (body.IsSingleSegment)
        {
            return body.FirstSpan.IndexOf(value) >= 0;
        }

        var bytes = body.ToArray();
        return bytes.AsSpan().IndexOf(value) >= 0;
    }
}
