using System.Text.Json.Nodes;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Anthropic;

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
