// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Shapes of Messages content blocks shared by the stream and body rewriters.</summary>
internal static class AnthropicBlocks
{
    public static int Index(JsonObject data)
        => data["index"] is JsonValue value && value.TryGetValue<int>(out var index) ? index : 0;

    /// <summary>Builds the <c>content_block_delta</c> event that carries <paramref name="text"/> of <paramref name="channel"/>.</summary>
    public static JsonObject Delta(TextChannel channel, string text)
    {
        var (type, field) = channel.Kind switch
        {
            TextChannelKind.Reasoning => ("thinking_delta", "thinking"),
            TextChannelKind.ToolArguments => ("input_json_delta", "partial_json"),
            _ => ("text_delta", "text"),
        };
        return new JsonObject
        {
            ["type"] = "content_block_delta",
            ["index"] = channel.Index,
            ["delta"] = new JsonObject { ["type"] = type, [field] = text },
        };
    }

    /// <summary>
    /// Rewrites content block <paramref name="index"/>: a block start (<paramref name="streamed"/>, whose text opens
    /// the block's channel) or a complete block of a body.
    /// </summary>
    public static bool Rewrite(JsonObject block, int index, TextFields fields, bool streamed = false)
    {
        switch (JsonNodes.Text(block["type"]))
        {
            case "text":
                return Text(block, "text", new TextChannel(TextChannelKind.Content, Index: index), fields, streamed)
                    | fields.WholeStrings(block, "citations", Citations(index));
            case "thinking":
                return Text(block, "thinking", new TextChannel(TextChannelKind.Reasoning, Index: index), fields, streamed);
            case "tool_use" or "server_tool_use":
                return fields.WholeStrings(block, "input", new TextChannel(TextChannelKind.ToolInput, Index: index));
            case "redacted_thinking" or "web_search_tool_result":
                return false;
            default:
                fields.UnknownShapes++;
                return false;
        }
    }

    /// <summary>Returns the channel of block <paramref name="index"/>'s citations: their cited text is read back to the client, each whole.</summary>
    public static TextChannel Citations(int index) => new(TextChannelKind.Content, Index: index, Part: 1);

    private static bool Text(JsonObject block, string name, TextChannel channel, TextFields fields, bool streamed)
        => streamed ? fields.Push(block, name, channel) : fields.Whole(block, name, channel);
}
