using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.OpenAICompletions;

/// <summary>Reads a completion's parts, whole or streamed alike: each choice's <c>text</c> and <c>finish_reason</c>, and usage.</summary>
internal static class OpenAICompletionsChoice
{
    /// <summary>Reads every choice and the usage of one completion object (a whole body or one stream chunk).</summary>
    public static void ReadChoices(JsonElement completion, ICollection<StreamDelta> deltas, EditedStrings strings = default)
    {
        var position = 0;
        foreach (var choice in completion.Array("choices"u8))
        {
            var index = choice.Int("index"u8, position++);
            if (strings.String(choice, "text"u8) is { Length: > 0 } text)
            {
                deltas.Add(new StreamDelta(StreamDeltaKind.TextDelta, index, Text: text));
            }

            if (strings.String(choice, "finish_reason"u8) is { } reason)
            {
                deltas.Add(new StreamDelta(StreamDeltaKind.FinishReason, index, Text: reason));
            }
        }

        if (completion.Object("usage"u8) is { } usage)
        {
            deltas.Add(new StreamDelta(
                StreamDeltaKind.Usage, Usage: new TokenUsage(usage.Long("prompt_tokens"u8), usage.Long("completion_tokens"u8), usage.Long("total_tokens"u8))));
        }
    }
}
