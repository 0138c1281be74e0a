using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Reads one chat choice, whole (<c>message</c>) or streamed (<c>delta</c>): both carry the same fields.</summary>
internal static class OpenAIChatChoice
{
    public static void Read(JsonElement choice, ReadOnlySpan<byte> messageProperty, ICollection<StreamDelta> deltas)
    {
        var index = choice.Int("index"u8);
        if (choice.Object(messageProperty) is { } message)
        {
            ReadMessage(message, index, deltas);
        }

        if (choice.String("finish_reason"u8) is { } reason)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.FinishReason, index, Text: reason));
        }
    }

    public static TokenUsage Usage(JsonElement usage)
        => new(usage.Long("prompt_tokens"u8), usage.Long("completion_tokens"u8), usage.Long("total_tokens"u8));

    private static void ReadMessage(JsonElement message, int choice, ICollection<StreamDelta> deltas)
    {
        AddText(StreamDeltaKind.ReasoningDelta, message.String("reasoning_content"u8), choice, deltas);
        AddText(StreamDeltaKind.TextDelta, message.String("content"u8), choice, deltas);
        AddText(StreamDeltaKind.TextDelta, message.String("refusal"u8), choice, deltas);

        // The legacy function_call is a tool call like any other: policy and response holds must see it.
        ReadCall(message.Object("function_call"u8), null, choice, OpenAIChatChoices.LegacyFunctionCall, deltas);
        var position = 0;
        foreach (var call in message.Array("tool_calls"u8))
        {
            // Whole messages list calls by position; stream deltas name the call they continue by index.
            var index = call.Int("index"u8, position++);
            ReadCall(call.Object("function"u8) ?? call.Object("custom"u8), call.String("id"u8), choice, index, deltas);
        }
    }

    // A function carries its JSON text in "arguments", a custom tool its free text in "input".
    private static void ReadCall(JsonElement? body, string? id, int choice, int index, ICollection<StreamDelta> deltas)
    {
        var name = body?.String("name"u8);
        if (id is not null || name is not null)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolCallStarted, choice, index, Id: id, Name: name));
        }

        if ((body?.String("arguments"u8) ?? body?.String("input"u8)) is { Length: > 0 } arguments)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, choice, index, arguments));
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
