using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>Writes server-sent events from the fake upstream, one flush per event so they arrive as separate chunks.</summary>
public static class Sse
{
    public static async Task WriteAsync(HttpContext context, IEnumerable<string> events, TimeSpan? pause = null)
    {
        context.Response.ContentType = "text/event-stream";
        await context.Response.StartAsync(context.RequestAborted);
        foreach (var e in events)
        {
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(e), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (pause is { } p)
            {
                await Task.Delay(p, context.RequestAborted);
            }
        }
    }

    public static string Data(string json) => $"data: {json}\n\n";

    public static string Event(string name, string json) => $"event: {name}\ndata: {json}\n\n";

    /// <summary>Joins the <c>delta.content</c> of every chat completion chunk in <paramref name="sse"/>, as a client would assemble it.</summary>
    public static string AssembledChatContent(string sse)
    {
        var text = new StringBuilder();
        foreach (var line in sse.Split('\n'))
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                using var chunk = JsonDocument.Parse(line[6..]);
                foreach (var choice in chunk.RootElement.GetProperty("choices").EnumerateArray())
                {
                    if (choice.GetProperty("delta").TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
                    {
                        text.Append(content.GetString());
                    }
                }
            }
        }

        return text.ToString();
    }
}
