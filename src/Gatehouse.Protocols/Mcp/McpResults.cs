using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Mcp;

/// <summary>Reads what a JSON-RPC response says, for the audit: the text of its result, or its error.</summary>
/// <remarks>
/// A result's text is its <c>content[]</c> texts (a tool's output), <c>contents[]</c> texts (a resource), prompt message
/// texts and <c>structuredContent</c> as JSON; a result with none of these (<c>tools/list</c>, <c>initialize</c>) is
/// recorded as its JSON. An error is recorded as its message with the finish reason <c>error</c>, as is a tool result
/// with <c>isError</c>: both are answers, not a failure of the exchange.
/// </remarks>
internal static class McpResults
{
    /// <summary>Reads <paramref name="message"/>; returns false when it is not a response (a notification or a server request).</summary>
    public static bool Read(JsonElement message, ICollection<StreamDelta> deltas)
    {
        if (message.Property("error"u8, JsonValueKind.Object) is { } error)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, Text: error.String("message"u8)));
            deltas.Add(StreamDelta.Of(StreamDeltaKind.FinishReason, "error"));
            deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
            return true;
        }

        if (!message.TryGetProperty("result"u8, out var result))
        {
            return false;
        }

        var texts = 0;
        foreach (var item in Items(result, "content"u8))
        {
            texts += Text(item, deltas) + (item.Object("resource"u8) is { } resource ? Text(resource, deltas) : 0);
        }

        foreach (var item in Items(result, "contents"u8))
        {
            texts += Text(item, deltas);
        }

        foreach (var item in Items(result, "messages"u8))
        {
            texts += item.Object("content"u8) is { } content ? Text(content, deltas) : 0;
        }

        if (result.ValueKind == JsonValueKind.Object && result.TryGetProperty("structuredContent"u8, out var structured))
        {
            texts += Add(structured.GetRawText(), deltas);
        }

        if (texts == 0)
        {
            Add(result.GetRawText(), deltas);
        }

        if (result.Property("isError"u8, JsonValueKind.True) is not null)
        {
            deltas.Add(StreamDelta.Of(StreamDeltaKind.FinishReason, "error"));
        }

        deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
        return true;
    }

    private static IEnumerable<JsonElement> Items(JsonElement parent, ReadOnlySpan<byte> name)
    {
        var items = new List<JsonElement>();
        foreach (var item in parent.Array(name))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(item);
            }
        }

        return items;
    }

    private static int Text(JsonElement item, ICollection<StreamDelta> deltas)
        => item.String("text"u8) is { } text ? Add(text, deltas) : 0;

    private static int Add(string text, ICollection<StreamDelta> deltas)
    {
        // Texts are recorded one per line, so that two results' texts do not run together.
        deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, Text: text + "\n"));
        return 1;
    }
}
