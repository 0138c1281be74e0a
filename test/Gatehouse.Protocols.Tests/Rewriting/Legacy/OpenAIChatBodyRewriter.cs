// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

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
