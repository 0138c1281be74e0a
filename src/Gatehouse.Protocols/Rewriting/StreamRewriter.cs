using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>The part every API's stream rewriter shares: each event's data is one JSON object, parsed once and edited in its own bytes.</summary>
internal abstract class StreamRewriter
{
    protected StreamRewriter(ITextRewriter rewriter, bool keepReleased)
    {
        Fields = new TextFields(rewriter, keepReleased);
    }

    public string? Error { get; protected set; }

    public int UnknownShapes => Fields.UnknownShapes;

    /// <summary>Sets which tools a listing may show (MCP <c>tools/list</c>); null shows all.</summary>
    public Func<string, JsonElement, bool>? ToolFilter
    {
        get => Fields.ToolFilter;
        set => Fields.ToolFilter = value;
    }

    protected TextFields Fields { get; }

    protected ChannelLedger Channels => Fields.Channels;

    /// <summary>Writes <paramref name="sseEvent"/>, rewritten, to <paramref name="writer"/>, preceded by any synthetic events.</summary>
    public void Rewrite(SseEvent sseEvent, SseEventWriter writer)
    {
        if (RewriteSpecial(sseEvent, writer))
        {
            return;
        }

        using var document = JsonBody.TryParse(sseEvent.Data, out var error);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            Error = $"malformed SSE event: data {error ?? "is not a JSON object"}";
            return;
        }

        Fields.Edits.Reset(sseEvent.Data);
        Rewrite(document.RootElement, writer);
        var data = Fields.Edits.Apply();
        Written(data);
        writer.Write(sseEvent.EventType.Span, data);
    }

    /// <summary>Releases what open channels still hold, in synthetic events.</summary>
    public abstract void Complete(SseEventWriter writer);

    /// <summary>Handles an event whose data is not JSON (such as <c>[DONE]</c>); returns true when it did.</summary>
    protected virtual bool RewriteSpecial(SseEvent sseEvent, SseEventWriter writer) => false;

    /// <summary>Rewrites one event's data into <see cref="TextFields.Edits"/>, writing synthetic events first if a channel ends; returns whether the data changed.</summary>
    protected abstract bool Rewrite(JsonElement data, SseEventWriter writer);

    /// <summary>Sees the event's data as it is written, rewritten (an API that builds later events on it keeps a copy).</summary>
    protected virtual void Written(ReadOnlySpan<byte> data)
    {
    }
}
