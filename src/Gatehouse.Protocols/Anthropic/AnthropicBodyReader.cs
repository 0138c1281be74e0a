using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Reads a whole Messages response (<c>"type": "message"</c>).</summary>
internal sealed class AnthropicBodyReader : JsonBodyReader
{
    public static readonly AnthropicBodyReader Instance = new();

    protected override void Read(JsonElement root, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        var type = strings.String(root, "type"u8);
        if (type == "error")
        {
            deltas.Add(StreamDelta.Failure("upstream reported an error"));
            return;
        }

        if (type != "message" || root.Property("content"u8, JsonValueKind.Array) is null)
        {
            deltas.Add(StreamDelta.Failure("response body is not a message"));
            return;
        }

        deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, strings.String(root, "model"u8)));
        var index = 0;
        foreach (var block in root.Array("content"u8))
        {
            ReadBlock(index++, block, strings, deltas);
        }

        if (strings.String(root, "stop_reason"u8) is { } reason)
        {
            deltas.Add(StreamDelta.Of(StreamDeltaKind.FinishReason, reason));
        }

        AnthropicUsage.Read(root.Object("usage"u8), deltas);
        deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
    }

    private static void ReadBlock(int index, JsonElement block, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        var type = strings.String(block, "type"u8);
        if (type == "text")
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, Index: index, Text: strings.String(block, "text"u8)));
        }
        else if (type == "thinking")
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: strings.String(block, "thinking"u8)));
        }
        else if (AnthropicUsage.IsToolUse(type))
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: index, Id: strings.String(block, "id"u8), Name: strings.String(block, "name"u8)));
            var input = block.TryGetProperty("input"u8, out var value) ? strings.RawText(value) : "{}";
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: input));
        }
    }
}
