using System.Text.Json.Nodes;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Rewrites a whole Chat Completions response: every choice's message; token log probabilities are dropped.</summary>
internal static class OpenAIChatBodyRewriter
{
    public static bool Rewrite(JsonObject root, TextFields fields)
    {
        var changed = false;
        if (root["choices"] is not JsonArray choices)
        {
            return false;
        }

        for (var position = 0; position < choices.Count; position++)
        {
            if (choices[position] is not JsonObject choice)
            {
                continue;
            }

            changed |= OpenAIChatChoices.DropLogprobs(choice);
            if (choice["message"] is JsonObject message)
            {
                changed |= OpenAIChatChoices.Rewrite(message, OpenAIChatChoices.Index(choice, position), fields, streamed: false);
            }
        }

        return changed;
    }
}
