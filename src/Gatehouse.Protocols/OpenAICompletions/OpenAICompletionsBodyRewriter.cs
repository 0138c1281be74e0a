using System.Text.Json;
using Gatehouse.Protocols.OpenAIChat;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAICompletions;

/// <summary>Rewrites a whole legacy Completions response: every choice's text; token log probabilities are dropped.</summary>
internal static class OpenAICompletionsBodyRewriter
{
    public static bool Rewrite(JsonElement root, TextFields fields)
    {
        if (TextFields.Member(root, "choices", JsonValueKind.Array) is not { } choices)
        {
            return false;
        }

        var changed = false;
        var position = -1;
        foreach (var choice in choices.EnumerateArray())
        {
            position++;
            if (choice.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            changed |= OpenAIChatChoices.DropLogprobs(choice, fields.Edits);
            changed |= fields.Whole(choice, "text", Channel(choice, position));
            fields.UnknownShapes += ChatShaped(choice) ? 1 : 0;
        }

        return changed;
    }

    /// <summary>
    /// Returns whether a choice carries chat-shaped text (<c>message</c>, <c>delta</c>), which this API does not: a
    /// chat answer on a completions path would otherwise pass with that text unmasked, so it counts as an unknown shape.
    /// </summary>
    public static bool ChatShaped(JsonElement choice)
        => !TextFields.IsAbsent(choice, "message") || !TextFields.IsAbsent(choice, "delta");

    /// <summary>Returns the text channel of <paramref name="choice"/>, at <paramref name="position"/> in its list.</summary>
    public static TextChannel Channel(JsonElement choice, int position)
        => new(TextChannelKind.Content, OpenAIChatChoices.Index(choice, position));
}
