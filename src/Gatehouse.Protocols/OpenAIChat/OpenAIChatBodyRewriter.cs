using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Rewrites a whole Chat Completions response: every choice's message; token log probabilities are dropped.</summary>
internal static class OpenAIChatBodyRewriter
{
    public static bool Rewrite(JsonElement root, TextFields fields)
    {
        var changed = false;
        if (TextFields.Member(root, "choices", JsonValueKind.Array) is not { } choices)
        {
            return false;
        }

        var position = -1;
        foreach (var choice in choices.EnumerateArray())
        {
            position++;
            if (choice.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            changed |= OpenAIChatChoices.DropLogprobs(choice, fields.Edits);
            if (TextFields.Member(choice, "message", JsonValueKind.Object) is { } message)
            {
                changed |= OpenAIChatChoices.Rewrite(message, OpenAIChatChoices.Index(choice, position), fields, streamed: false);
            }
        }

        return changed;
    }
}
