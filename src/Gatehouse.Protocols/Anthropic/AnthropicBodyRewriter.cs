using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Rewrites a whole Messages response: every content block's text, thinking and tool input.</summary>
internal static class AnthropicBodyRewriter
{
    public static bool Rewrite(JsonElement root, TextFields fields)
    {
        var changed = false;
        if (TextFields.Member(root, "content", JsonValueKind.Array) is not { } content)
        {
            return false;
        }

        var index = 0;
        foreach (var block in content.EnumerateArray())
        {
            if (block.ValueKind == JsonValueKind.Object)
            {
                changed |= AnthropicBlocks.Rewrite(block, index, fields);
            }

            index++;
        }

        return changed;
    }
}
