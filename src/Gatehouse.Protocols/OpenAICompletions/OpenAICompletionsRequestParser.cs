using System.Text.Json;
using Gatehouse.Protocols.Requests;
using static Gatehouse.Protocols.Requests.RequestFields;

namespace Gatehouse.Protocols.OpenAICompletions;

/// <summary>
/// Reads a legacy Completions request: <c>prompt</c> (a string or an array of strings), <c>suffix</c>, <c>model</c>,
/// <c>stream</c>, and the types of <c>max_tokens</c>, <c>n</c> and <c>stop</c>.
/// </summary>
/// <remarks>
/// Each prompt is a message of role <c>prompt</c> and the suffix one of role <c>suffix</c>, so policy and the audit
/// see both; the model reads the suffix right after the prompt (fill in the middle), so they are adjacent text pieces
/// and a secret split between them is found. A prompt of token ids is refused: it cannot be inspected. Copilot names the
/// model in the path (<c>engines/{engine}</c>), not the body, so <c>model</c> is optional.
/// </remarks>
internal static class OpenAICompletionsRequestParser
{
    public static ParsedRequest Read(JsonElement root)
    {
        var messages = new List<PromptMessage>();
        var pieces = new List<string>();
        if (root.TryGetProperty("prompt", out var prompt) && prompt.ValueKind != JsonValueKind.Null)
        {
            ReadPrompt(prompt, messages, pieces);
        }

        if (OptionalString(root, "suffix", "") is { Length: > 0 } suffix)
        {
            messages.Add(new PromptMessage("suffix", suffix));
            TextJoiner.Piece(pieces, suffix);
        }

        OptionalInteger(root, "max_tokens");
        OptionalInteger(root, "n");
        Stop(root);
        return new ParsedRequest
        {
            Api = ApiKind.OpenAICompletions,
            Model = OptionalString(root, "model", ""),
            Stream = OptionalBool(root, "stream", ""),
            Messages = messages,
            TextPieces = pieces,
        };
    }

    private static void ReadPrompt(JsonElement prompt, List<PromptMessage> messages, List<string> pieces)
    {
        if (prompt.ValueKind == JsonValueKind.String)
        {
            Add(prompt.GetString()!, messages, pieces);
            return;
        }

        if (prompt.ValueKind != JsonValueKind.Array)
        {
            throw Wrong("", "prompt", "a string or an array of strings");
        }

        var position = 0;
        foreach (var item in prompt.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                // Token ids (numbers, or arrays of them) are text the gateway cannot read, so cannot mask or decide on.
                throw new RequestShapeException(
                    $"'prompt[{position}]' must be a string: prompts of token ids cannot be inspected, send the prompt as text");
            }

            Add(item.GetString()!, messages, pieces);
            position++;
        }
    }

    private static void Add(string text, List<PromptMessage> messages, List<string> pieces)
    {
        messages.Add(new PromptMessage("prompt", text));
        TextJoiner.Piece(pieces, text);
    }

    private static void OptionalInteger(JsonElement root, string name)
    {
        if (Optional(root, name, "", JsonValueKind.Number, "an integer") is { } value && !value.TryGetInt64(out _))
        {
            throw Wrong("", name, "an integer");
        }
    }

    private static void Stop(JsonElement root)
    {
        if (!root.TryGetProperty("stop", out var stop) || stop.ValueKind is JsonValueKind.Null or JsonValueKind.String)
        {
            return;
        }

        if (stop.ValueKind != JsonValueKind.Array || stop.EnumerateArray().Any(s => s.ValueKind != JsonValueKind.String))
        {
            throw Wrong("", "stop", "a string or an array of strings");
        }
    }
}
