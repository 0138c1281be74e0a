using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Reads a whole Messages response (<c>"type": "message"</c>).</summary>
internal sealed class AnthropicBodyReader : IResponseBodyReader
{
    public static readonly AnthropicBodyReader Instance = new();

    public void Read(JsonElement root, ICollection<StreamDelta> deltas)
    {
        var type = root.String("type"u8);
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

        deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, root.String("model"u8)));
        var index = 0;
        foreach (var block in root.Array("content"u8))
        {
            ReadBlock(index++, block, deltas);
        }

        if (root.String("stop_reason"u8) is { } reason)
        {
            deltas.Add(StreamDelta.Of(StreamDeltaKind.FinishReason, reason));
        }

        AnthropicUsage.Read(root.Object("usage"u8), deltas);
        deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
    }

    private static void ReadBlock(int index, JsonElement block, ICollection<StreamDelta> deltas)
    {
        var type = block.String("type"u8);
        if (type == "text")
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, Index: index, Text: block.String("text"u8)));
        }
        else if (type == "thinking")
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: block.String("thinking"u8)));
        }
        else if (AnthropicUsage.IsToolUse(type))
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: index, Id: block.String("id"u8), Name: block.String("name"u8)));
            var input = block.TryGetProperty("input"u8, out var value) ? value.GetRawText() : "{}";
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: input));
        }
    }
}
