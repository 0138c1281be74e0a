using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Reads a <c>response</c> object: whole in a body, or as the final stream event carries it.</summary>
internal static class OpenAIResponsesOutput
{
    /// <summary>Reads the response's outcome, and its output items when <paramref name="includeOutput"/> is set.</summary>
    public static void ReadResponse(JsonElement response, bool includeOutput, ICollection<StreamDelta> deltas)
    {
        deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, response.String("model"u8)));
        if (includeOutput)
        {
            var index = 0;
            foreach (var item in response.Array("output"u8))
            {
                ReadItem(index++, item, deltas);
            }
        }

        if (response.Object("usage"u8) is { } usage)
        {
            var tokens = new TokenUsage(usage.Long("input_tokens"u8), usage.Long("output_tokens"u8), usage.Long("total_tokens"u8));
            deltas.Add(new StreamDelta(StreamDeltaKind.Usage, Usage: tokens));
        }

        var status = response.String("status"u8);
        var reason = response.Object("incomplete_details"u8)?.String("reason"u8) ?? status;
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
    public static StreamDelta? ToolCallStart(int index, JsonElement item)
        => item.String("type"u8) is "function_call" or "custom_tool_call"
            ? new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: index, Id: item.String("call_id"u8) ?? item.String("id"u8), Name: item.String("name"u8))
            : null;

    private static void ReadItem(int index, JsonElement item, ICollection<StreamDelta> deltas)
    {
        if (ToolCallStart(index, item) is { } start)
        {
            deltas.Add(start);
            var arguments = item.String("arguments"u8) ?? item.String("input"u8) ?? "";
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: arguments));
            return;
        }

        foreach (var part in item.Array("content"u8))
        {
            var (kind, text) = part.String("type"u8) switch
            {
                "output_text" => (StreamDeltaKind.TextDelta, part.String("text"u8)),
                "refusal" => (StreamDeltaKind.TextDelta, part.String("refusal"u8)),
                "reasoning_text" => (StreamDeltaKind.ReasoningDelta, part.String("text"u8)),
                _ => (StreamDeltaKind.Unknown, null),
            };
            if (text is not null)
            {
                deltas.Add(new StreamDelta(kind, Index: index, Text: text));
            }
        }

        foreach (var summary in item.Array("summary"u8))
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: summary.String("text"u8)));
        }
    }
}
