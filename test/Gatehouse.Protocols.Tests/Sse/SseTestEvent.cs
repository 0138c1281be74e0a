using System.Text;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Tests.Sse;

/// <summary>A copied, comparable event.</summary>
internal sealed record SseTestEvent(string Type, string Data, string Id)
{
    public static SseTestEvent From(SseEvent e)
        => new(Encoding.UTF8.GetString(e.EventType.Span), Encoding.UTF8.GetString(e.Data.Span), Encoding.UTF8.GetString(e.LastEventId.Span));

    /// <summary>Parses <paramref name="bytes"/> split at <paramref name="splits"/>; returns the events and the parser's error.</summary>
    public static (List<SseTestEvent> Events, string? Error) ParseAll(byte[] bytes, IEnumerable<int>? splits = null, int maxEventBytes = SseParser.DefaultMaxEventBytes)
    {
        using var parser = new SseParser(maxEventBytes);
        var events = new List<SseTestEvent>();
        foreach (var chunk in Chunking.Split(bytes, splits))
        {
            var span = new ReadOnlySpan<byte>(chunk);
            while (parser.TryReadEvent(ref span, out var e))
            {
                events.Add(From(e));
            }
        }

        return (events, parser.Error);
    }
}
