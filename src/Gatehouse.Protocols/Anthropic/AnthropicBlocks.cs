using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Shapes of Messages content blocks shared by the stream and body rewriters.</summary>
internal static class AnthropicBlocks
{
    public static int Index(JsonElement data) => TextFields.Int(data, "index");

    /// <summary>Builds the <c>content_block_delta</c> event that carries <paramref name="text"/> of <paramref name="channel"/>.</summary>
    public static byte[] Delta(TextChannel channel, string text)
        => JsonOutput.Build((channel, text), static (writer, state) =>
        {
            var (type, field) = state.channel.Kind switch
            {
                TextChannelKind.Reasoning => ("thinking_delta", "thinking"),
                TextChannelKind.ToolArguments => ("input_json_delta", "partial_json"),
                _ => ("text_delta", "text"),
            };
            writer.WriteStartObject();
            writer.WriteString("type", "content_block_delta");
            writer.WriteNumber("index", state.channel.Index);
            writer.WriteStartObject("delta");
            writer.WriteString("type", type);
            writer.WriteString(field, state.text);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });

    /// <summary>
    /// Rewrites content block <paramref name="index"/>: a block start (<paramref name="streamed"/>, whose text opens
    /// the block's channel) or a complete block of a body.
    /// </summary>
    public static bool Rewrite(JsonElement block, int index, TextFields fields, bool streamed = false)
    {
        switch (TextFields.String(block, "type"))
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

    private static bool Text(JsonElement block, string name, TextChannel channel, TextFields fields, bool streamed)
        => streamed ? fields.Push(block, name, channel) : fields.Whole(block, name, channel);
}
