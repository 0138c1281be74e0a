// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites a whole Messages response: every content block's text, thinking and tool input.</summary>
internal static class AnthropicBodyRewriter
{
    public static bool Rewrite(JsonObject root, TextFields fields)
    {
        var changed = false;
        if (root["content"] is not JsonArray content)
        {
            return false;
        }

        for (var index = 0; index < content.Count; index++)
        {
            if (content[index] is JsonObject block)
            {
                changed |= AnthropicBlocks.Rewrite(block, index, fields);
            }
        }

        return changed;
    }
}
