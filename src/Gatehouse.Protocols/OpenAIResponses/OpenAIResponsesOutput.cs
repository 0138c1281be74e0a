using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Reads a <c>response</c> object: whole in a body, or as the final stream event carries it.</summary>
internal static class OpenAIResponsesOutput
{
    /// <summary>Reads the response's outcome, and its output items when <paramref name="includeOutput"/> is set.</summary>
    public static void ReadResponse(JsonElement response, bool includeOutput, ICollection<StreamDelta> deltas, EditedStrings strings = default)
    {
        deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, strings.String(response, "model"u8)));
        if (includeOutput)
        {
            var index = 0;
            foreach (var item in response.Array("output"u8))
            {
                ReadItem(index++, item, strings, deltas);
            }
        }

        if (response.Object("usage"u8) is { } usage)
        {
            var tokens = new TokenUsage(usage.Long("input_tokens"u8), usage.Long("output_tokens"u8), usage.Long("total_tokens"u8));
            deltas.Add(new StreamDelta(StreamDeltaKind.Usage, Usage: tokens));
        }

        var status = strings.String(response, "status"u8);
        var reason = strings.String(response.Object("incomplete_details"u8), "reason"u8) ?? status;
        if (reason is not null)
        {
            deltas.Add(StreamDelta.Of(StreamDeltaKind.FinishReason, reason));
        }

        if (status == "failed" || response.Object("error"u8) is not null)
        {
            deltas.Add(StreamDelta.Failure("upstream reported a failed response"));
        }
    }

    /// <summary>Returns the call id and name when <paramref name="item"/> is a tool call, else null.</summary>
    public static StreamDelta? ToolCallStart(int index, JsonElement item, EditedStrings strings = default)
        => strings.String(item, "type"u8) is "function_call" or "custom_tool_call"
            ? new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: index, Id: strings.String(item, "call_id"u8) ?? strings.String(item, "id"u8), Name: strings.String(item, "name"u8))
            : null;

    private static void ReadItem(int index, JsonElement item, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        if (ToolCallStart(index, item, strings) is { } start)
        {
            deltas.Add(start);
            var arguments = strings.String(item, "arguments"u8) ?? strings.String(item, "input"u8) ?? "";
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: arguments));
            return;
        }

        foreach (var part in item.Array("content"u8))
        {
            var (kind, text) = strings.String(part, "type"u8) switch
            {
                "output_text" => (StreamDeltaKind.TextDelta, strings.String(part, "text"u8)),
                "refusal" => (StreamDeltaKind.TextDelta, strings.String(part, "refusal"u8)),
                "reasoning_text" => (StreamDeltaKind.ReasoningDelta, strings.String(part, "text"u8)),
                _ => (StreamDeltaKind.Unknown, null),
            };
            if (text is not null)
            {
                deltas.Add(new StreamDelta(kind, Index: index, Text: text));
            }
        }

        foreach (var summary in item.Array("summary"u8))
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: strings.String(summary, "text"u8)));
        }
    }
}
