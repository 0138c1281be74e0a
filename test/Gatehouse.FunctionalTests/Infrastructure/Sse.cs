using System.Text;
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
}
