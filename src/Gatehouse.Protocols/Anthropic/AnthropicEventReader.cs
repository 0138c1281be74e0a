using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Reads Messages stream events, from <c>message_start</c> to <c>message_stop</c>.</summary>
internal sealed class AnthropicEventReader : JsonEventReader
{
    // Tool blocks that have had no input yet: a call without arguments streams none, and its input is then {}.
    private readonly List<int> _toolBlocksWithoutInput = [];

    protected override void Read(JsonElement data, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        switch (strings.String(data, "type"u8))
        {
            case "message_start":
                var message = data.Object("message"u8);
                deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, strings.String(message, "model"u8)));
                AnthropicUsage.Read(message?.Object("usage"u8), deltas);
                break;
            case "content_block_start":
                StartBlock(data.Int("index"u8), data.Object("content_block"u8), strings, deltas);
                break;
            case "content_block_delta":
                ReadDelta(data.Int("index"u8), data.Object("delta"u8), strings, deltas);
                break;
            case "content_block_stop":
                StopBlock(data.Int("index"u8), deltas);
                break;
            case "message_delta":
                if (strings.String(data.Object("delta"u8), "stop_reason"u8) is { } reason)
                {
                    deltas.Add(StreamDelta.Of(StreamDeltaKind.FinishReason, reason));
                }

                AnthropicUsage.Read(data.Object("usage"u8), deltas);
                break;
            case "message_stop":
                deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
                break;
            case "ping":
                break;
            case "error":
                deltas.Add(StreamDelta.Failure("upstream reported an error event"));
                break;
            default:
                deltas.Add(new StreamDelta(StreamDeltaKind.Unknown));
                break;
        }
    }

    private void StartBlock(int index, JsonElement? block, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        var type = strings.String(block, "type"u8);
        if (AnthropicUsage.IsToolUse(type))
        {
            _toolBlocksWithoutInput.Add(index);
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: index, Id: strings.String(block, "id"u8), Name: strings.String(block, "name"u8)));
        }
        else if (type == "text" && strings.String(block, "text"u8) is { Length: > 0 } text)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, Index: index, Text: text));
        }
        else if (type == "thinking" && strings.String(block, "thinking"u8) is { Length: > 0 } thinking)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: thinking));
        }
    }

    private void ReadDelta(int index, JsonElement? delta, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        switch (strings.String(delta, "type"u8))
        {
            case "text_delta":
                deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, Index: index, Text: strings.String(delta, "text"u8)));
                break;
            case "input_json_delta" when strings.String(delta, "partial_json"u8) is { Length: > 0 } json:
                _toolBlocksWithoutInput.Remove(index);
                deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, Index: index, Text: json));
                break;
            case "thinking_delta":
                deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: strings.String(delta, "thinking"u8)));
                break;
            default:
                break;
        }
    }

    private void StopBlock(int index, ICollection<StreamDelta> deltas)
    {
        if (_toolBlocksWithoutInput.Remove(index))
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: "{}"));
        }
    }
}
