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

    /// <summary>
    /// Sets which requests the server sends on the stream are kept from the client (MCP server-initiated sampling on a
    /// connection that denies it): called with each event's message that has a <c>method</c> and an <c>id</c>, it
    /// returns true to withhold the event. Null (the default) withholds nothing.
    /// </summary>
    public Func<JsonElement, bool>? WithholdServerRequest { get; set; }

    protected TextFields Fields { get; }

    protected ChannelLedger Channels => Fields.Channels;

    /// <summary>Writes <paramref name="sseEvent"/>, rewritten, to <paramref name="writer"/>, preceded by any synthetic events.</summary>
    /// <remarks>
    /// When the writer's sink keeps parses, the event's data is parsed in a pooled copy of its own (the SSE parser's
    /// buffer is reused by the next event), and that parse, with the edits made to it, goes to the sink with the event:
    /// the event's readers read it instead of parsing the rewritten bytes again.
    /// </remarks>
    public void Rewrite(SseEvent sseEvent, SseEventWriter writer)
    {
        if (WithholdServerRequest is { } withhold && Withheld(sseEvent.Data, withhold))
        {
            return;
        }

        if (RewriteSpecial(sseEvent, writer))
        {
            return;
        }

        var keep = writer.KeepsParses;
        var parse = Parse(sseEvent.Data, keep, out var error);
        if (parse.Document is not { RootElement.ValueKind: JsonValueKind.Object } document)
        {
            parse.Dispose();
            Error = $"malformed SSE event: data {error ?? "is not a JSON object"}";
            return;
        }

        Fields.Edits.Reset(parse.Data);
        Rewrite(document.RootElement, writer);
        var data = Fields.Edits.Apply();
        Written(data);
        if (keep)
        {
            writer.Write(sseEvent.EventType.Span, data, parse, Fields.Edits);
        }
        else
        {
            writer.Write(sseEvent.EventType.Span, data);
            parse.Dispose();
        }
    }

    // In place when nothing keeps the parse; else in a pooled copy that the parse owns.
    private static JsonLease Parse(ReadOnlyMemory<byte> data, bool keep, out string? error)
    {
        if (keep)
        {
            return JsonBody.TryParseCopy(data.Span, out error);
        }

        return JsonBody.TryParse(data, out error) is { } document ? new JsonLease(document, data) : default;
    }

    // Only an event that names both a method and an id can be a request; those few are parsed on their own, before the
    // API's rewriting (the generic one reads no JSON model), so that a withheld request never reaches any stage.
    private static bool Withheld(ReadOnlyMemory<byte> data, Func<JsonElement, bool> withhold)
    {
        var span = data.Span;
        if (span.IndexOf("\"method\""u8) < 0 || span.IndexOf("\"id\""u8) < 0)
        {
            return false;
        }

        using var document = JsonBody.TryParse(data, out _);
        return document?.RootElement is { ValueKind: JsonValueKind.Object } message
            && message.TryGetProperty("method"u8, out var method) && method.ValueKind == JsonValueKind.String
            && message.TryGetProperty("id"u8, out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            && withhold(message);
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
