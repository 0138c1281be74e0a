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
        deltas.Add(StreamDelta.Of(StreamDeltaKind.Model, response.String("model")));
        if (includeOutput)
        {
            var index = 0;
            foreach (var item in response.Array("output"))
            {
                ReadItem(index++, item, deltas);
            }
        }

        if (response.Object("usage") is { } usage)
        {
            var tokens = new TokenUsage(usage.Long("input_tokens"), usage.Long("output_tokens"), usage.Long("total_tokens"));
            deltas.Add(new StreamDelta(StreamDeltaKind.Usage, Usage: tokens));
        }

        var status = response.String("status");
        var reason = response.Object("incomplete_details")?.String("reason") ?? status;
        if (reason is not null)
        {
            deltas.Add(StreamDelta.Of(StreamDeltaKind.FinishReason, reason));
        }

        if (status == "failed" || response.Object("error") is not null)
        {
            deltas.Add(StreamDelta.Failure("upstream reported a failed response"));
        }
    }

    /// <summary>Returns the call id and name when <paramref name="item"/> is a tool call, else null.</summary>
    public static StreamDelta? ToolCallStart(int index, JsonElement item)
        => item.String("type") is "function_call" or "custom_tool_call"
            ? new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: index, Id: item.String("call_id") ?? item.String("id"), Name: item.String("name"))
            : null;

    private static void ReadItem(int index, JsonElement item, ICollection<StreamDelta> deltas)
    {
        if (ToolCallStart(index, item) is { } start)
        {
            deltas.Add(start);
            var arguments = item.String("arguments") ?? item.String("input") ?? "";
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: index, Text: arguments));
            return;
        }

        foreach (var part in item.Array("content"))
        {
            var (kind, text) = part.String("type") switch
            {
                "output_text" => (StreamDeltaKind.TextDelta, part.String("text")),
                "refusal" => (StreamDeltaKind.TextDelta, part.String("refusal")),
                "reasoning_text" => (StreamDeltaKind.ReasoningDelta, part.String("text")),
                _ => (StreamDeltaKind.Unknown, null),
            };
            if (text is not null)
            {
                deltas.Add(new StreamDelta(kind, Index: index, Text: text));
            }
        }

        foreach (var summary in item.Array("summary"))
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ReasoningDelta, Index: index, Text: summary.String("text")));
        }
    }
}
