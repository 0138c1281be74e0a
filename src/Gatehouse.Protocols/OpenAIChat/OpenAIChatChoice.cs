using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Reads one chat choice, whole (<c>message</c>) or streamed (<c>delta</c>): both carry the same fields.</summary>
internal static class OpenAIChatChoice
{
    public static void Read(JsonElement choice, string messageProperty, ICollection<StreamDelta> deltas)
    {
        var index = choice.Int("index");
        if (choice.Object(messageProperty) is { } message)
        {
            ReadMessage(message, index, deltas);
        }

        if (choice.String("finish_reason") is { } reason)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.FinishReason, index, Text: reason));
        }
    }

    public static TokenUsage Usage(JsonElement usage)
        => new(usage.Long("prompt_tokens"), usage.Long("completion_tokens"), usage.Long("total_tokens"));

    private static void ReadMessage(JsonElement message, int choice, ICollection<StreamDelta> deltas)
    {
        AddText(StreamDeltaKind.ReasoningDelta, message.String("reasoning_content"), choice, deltas);
        AddText(StreamDeltaKind.TextDelta, message.String("content"), choice, deltas);
        AddText(StreamDeltaKind.TextDelta, message.String("refusal"), choice, deltas);

        var position = 0;
        foreach (var call in message.Array("tool_calls"))
        {
            // Whole messages list calls by position; stream deltas name the call they continue by index.
            var index = call.Int("index", position++);
            var function = call.Object("function");
            var id = call.String("id");
            var name = function?.String("name");
            if (id is not null || name is not null)
            {
                deltas.Add(new StreamDelta(StreamDeltaKind.ToolCallStarted, choice, index, Id: id, Name: name));
            }

            if (function?.String("arguments") is { Length: > 0 } arguments)
            {
                deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, choice, index, arguments));
            }
        }
    }

    private static void AddText(StreamDeltaKind kind, string? text, int choice, ICollection<StreamDelta> deltas)
    {
        if (!string.IsNullOrEmpty(text))
        {
            deltas.Add(new StreamDelta(kind, choice, Text: text));
        }
    }
}
