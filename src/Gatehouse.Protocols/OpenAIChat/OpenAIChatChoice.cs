using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Reads one chat choice, whole (<c>message</c>) or streamed (<c>delta</c>): both carry the same fields.</summary>
internal static class OpenAIChatChoice
{
    /// <summary>Reads one choice, each string through <paramref name="strings"/> (as written, by default).</summary>
    public static void Read(JsonElement choice, ReadOnlySpan<byte> messageProperty, ICollection<StreamDelta> deltas, EditedStrings strings = default)
    {
        var index = choice.Int("index"u8);
        if (choice.Object(messageProperty) is { } message)
        {
            ReadMessage(message, index, strings, deltas);
        }

        if (strings.String(choice, "finish_reason"u8) is { } reason)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.FinishReason, index, Text: reason));
        }
    }

    public static TokenUsage Usage(JsonElement usage)
        => new(usage.Long("prompt_tokens"u8), usage.Long("completion_tokens"u8), usage.Long("total_tokens"u8));

    private static void ReadMessage(JsonElement message, int choice, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        AddText(StreamDeltaKind.ReasoningDelta, strings.String(message, "reasoning_content"u8), choice, deltas);
        AddText(StreamDeltaKind.TextDelta, strings.String(message, "content"u8), choice, deltas);
        AddText(StreamDeltaKind.TextDelta, strings.String(message, "refusal"u8), choice, deltas);

        // The legacy function_call is a tool call like any other: policy and response holds must see it.
        ReadCall(message.Object("function_call"u8), null, choice, OpenAIChatChoices.LegacyFunctionCall, strings, deltas);
        var position = 0;
        foreach (var call in message.Array("tool_calls"u8))
        {
            // Whole messages list calls by position; stream deltas name the call they continue by index.
            var index = call.Int("index"u8, position++);
            ReadCall(call.Object("function"u8) ?? call.Object("custom"u8), strings.String(call, "id"u8), choice, index, strings, deltas);
        }
    }

    // A function carries its JSON text in "arguments", a custom tool its free text in "input".
    private static void ReadCall(JsonElement? body, string? id, int choice, int index, EditedStrings strings, ICollection<StreamDelta> deltas)
    {
        var name = strings.String(body, "name"u8);
        if (id is not null || name is not null)
        {
            deltas.Add(new StreamDelta(StreamDeltaKind.ToolCallStarted, choice, index, Id: id, Name: name));
        }

        if ((strings.String(body, "arguments"u8) ?? strings.String(body, "input"u8)) is { Length: > 0 } arguments)
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
