using System.Buffers;
using System.Text;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;
using Gatehouse.Protocols.Tests.Responses;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>Runs response bodies through the registry's rewriters, as the gateway does, and reads what they wrote.</summary>
internal static class Rewriting
{
    public static (byte[] Output, IResponseRewriter Rewriter) Run(
        ApiKind api, string contentType, string body, ITextRewriter text, IEnumerable<int>? splits = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var rewriter = new ProtocolRegistry().Get(api)!.CreateResponseRewriter(contentType, text);
        var output = new ArrayBufferWriter<byte>();
        foreach (var chunk in Chunking.Split(bytes, splits))
        {
            rewriter.Append(chunk, output);
        }

        rewriter.Complete(output);
        rewriter.Dispose();
        return (output.WrittenSpan.ToArray(), rewriter);
    }

    /// <summary>Rewrites <paramref name="body"/> and assembles the result, as a client would see it.</summary>
    public static ResponseSummary Summary(ApiKind api, string contentType, string body, ITextRewriter text)
    {
        var (output, rewriter) = Run(api, contentType, body, text);
        Assert.Null(rewriter.Error);
        return Assembling.Run(api, contentType, output);
    }

    /// <summary>The events of an event stream, as (event type, data) pairs.</summary>
    public static List<(string Event, string Data)> Events(byte[] stream)
    {
        using var parser = new SseParser();
        var events = new List<(string, string)>();
        ReadOnlySpan<byte> input = stream;
        while (parser.TryReadEvent(ref input, out var sseEvent))
        {
            events.Add((Encoding.UTF8.GetString(sseEvent.EventType.Span), Encoding.UTF8.GetString(sseEvent.Data.Span)));
        }

        Assert.Null(parser.Error);
        return events;
    }
}
