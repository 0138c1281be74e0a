using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Reads Responses stream events (<c>response.*</c> and <c>error</c>), each naming its type in the data.</summary>
internal sealed class OpenAIResponsesEventReader : JsonEventReader
{
    protected override void Read(JsonElement data, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        var type = strings.String(data, "type"u8);
        var index = data.Int("output_index"u8);
        switch (type)
        {
            case "response.created" or "response.in_progress" or "response.queued":
                deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, data.Object("response"u8) is { } created ? strings.String(created, "model"u8) : null));
                break;
            case "response.output_item.added":
                if (data.Object("item"u8) is { } item && OpenAIResponsesOutput.ToolCallStart(index, item, strings) is { } start)
                {
                    deltas.Add(start);
                }

                break;
            case "response.output_text.delta" or "response.refusal.delta":
                deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, Index: index, Text: strings.String(data, "delta"u8)));
                break;
            case "response.reasoning_summary_text.delta" or "response.reasoning_text.delta":
                deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: strings.String(data, "delta"u8)));
                break;
            case "response.function_call_arguments.delta" or "response.custom_tool_call_input.delta":
                deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, Index: index, Text: strings.String(data, "delta"u8)));
                break;
            case "response.function_call_arguments.done":
                deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: strings.String(data, "arguments"u8)));
                break;
            case "response.custom_tool_call_input.done":
                deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: strings.String(data, "input"u8)));
                break;
            case "response.completed" or "response.incomplete" or "response.failed":
                if (data.Object("response"u8) is { } response)
                {
                    OpenAIResponsesOutput.ReadResponse(response, includeOutput: false, deltas, strings);
                }
                else
                {
                    deltas.Add(StreamDelta.Failure("malformed SSE event: the final event has no response"));
                }
                deltas.Add(new StreamDelta(StreamDeltaKind.Completed));
                break;
            case "error":
                deltas.Add(StreamDelta.Failure("upstream reported an error event"));
                break;
            case { } known when IsKnownWithoutContent(known):
                break;
            default:
                deltas.Add(new StreamDelta(StreamDeltaKind.Unknown));
                break;
        }
    }

    // Events that repeat what the deltas already carried (".done", parts) or carry no text at all.
    internal static bool IsKnownWithoutContent(string type)
        => type.StartsWith("response.", StringComparison.Ordinal)
            && (type.EndsWith(".done", StringComparison.Ordinal)
                || type.EndsWith(".added", StringComparison.Ordinal)
                || type.EndsWith(".in_progress", StringComparison.Ordinal)
                || type.EndsWith(".searching", StringComparison.Ordinal)
                || type.EndsWith(".completed", StringComparison.Ordinal));
}
