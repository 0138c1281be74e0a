// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>The part every API's stream rewriter shares: each event's data is one JSON object, rewritten in place.</summary>
internal abstract class StreamRewriter
{
    protected StreamRewriter(ITextRewriter rewriter, bool keepReleased)
    {
        Fields = new TextFields(rewriter, keepReleased);
    }

    public string? Error { get; protected set; }

    public int UnknownShapes => Fields.UnknownShapes;

    protected TextFields Fields { get; }

    protected ChannelLedger Channels => Fields.Channels;

    /// <summary>Writes <paramref name="sseEvent"/>, rewritten, to <paramref name="writer"/>, preceded by any synthetic events.</summary>
    public void Rewrite(SseEvent sseEvent, SseEventWriter writer)
    {
        if (RewriteSpecial(sseEvent, writer))
        {
            return;
        }

        var data = JsonNodes.TryParseObject(sseEvent.Data.Span, out var error);
        if (data is null)
        {
            Error = $"malformed SSE event: data {error}";
            return;
        }

        if (Rewrite(data, writer))
        {
            writer.Write(sseEvent.EventType.Span, data);
        }
        else
        {
            writer.Write(sseEvent.EventType.Span, sseEvent.Data.Span);
        }
    }

    /// <summary>Releases what open channels still hold, in synthetic events.</summary>
    public abstract void Complete(SseEventWriter writer);

    /// <summary>Handles an event whose data is not JSON (such as <c>[DONE]</c>); returns true when it did.</summary>
    protected virtual bool RewriteSpecial(SseEvent sseEvent, SseEventWriter writer) => false;

    /// <summary>Rewrites one event's data in place, writing synthetic events first if a channel ends; returns whether the data changed.</summary>
    protected abstract bool Rewrite(JsonObject data, SseEventWriter writer);
}
