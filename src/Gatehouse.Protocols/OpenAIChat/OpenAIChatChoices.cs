using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Shapes of Chat Completions choices shared by the stream and body rewriters.</summary>
internal static class OpenAIChatChoices
{
    /// <summary>The tool-call index given to a message's legacy <c>function_call</c>, which has none of its own.</summary>
    public const int LegacyFunctionCall = -1;

    public static int Index(JsonElement item, int fallback) => TextFields.Int(item, "index", fallback);

    /// <summary>
    /// Rewrites a delta of choice <paramref name="choice"/> (<paramref name="streamed"/>: pushed through the channels)
    /// or a whole message of a body.
    /// </summary>
    public static bool Rewrite(JsonElement message, int choice, TextFields fields, bool streamed)
    {
        var changed = Text(message, "content", new TextChannel(TextChannelKind.Content, choice), fields, streamed);
        changed |= Text(message, "reasoning_content", new TextChannel(TextChannelKind.Reasoning, choice), fields, streamed);
        changed |= Text(message, "refusal", Refusal(choice), fields, streamed);
        if (!TextFields.IsAbsent(message, "audio"))
        {
            // Spoken output cannot be masked, and its transcript says the same words: the response cannot be released.
            fields.UnknownShapes++;
        }

        if (TextFields.Member(message, "function_call", JsonValueKind.Object) is { } legacy)
        {
            changed |= Text(legacy, "arguments", new TextChannel(TextChannelKind.ToolArguments, choice, LegacyFunctionCall), fields, streamed);
        }

        if (TextFields.Member(message, "tool_calls", JsonValueKind.Array) is not { } calls)
        {
            return changed;
        }

        var position = -1;
        foreach (var call in calls.EnumerateArray())
        {
            position++;
            if (call.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            // A delta names its tool call by index; a whole message lists them in order.
            var index = streamed ? Index(call, position) : position;
            if (TextFields.Member(call, "function", JsonValueKind.Object) is { } function)
            {
                changed |= Text(function, "arguments", new TextChannel(TextChannelKind.ToolArguments, choice, index), fields, streamed);
            }
            else if (TextFields.Member(call, "custom", JsonValueKind.Object) is { } custom)
            {
                changed |= Text(custom, "input", new TextChannel(TextChannelKind.ToolInput, choice, index), fields, streamed);
            }
        }

        return changed;
    }

    /// <summary>
    /// Drops a choice's token log probabilities: each token (and its bytes) is a piece of the text, so a secret masked
    /// in the text could be read back token by token. Returns whether the choice had any.
    /// </summary>
    public static bool DropLogprobs(JsonElement choice, JsonEdits edits)
    {
        if (TextFields.IsAbsent(choice, "logprobs"))
        {
            return false;
        }

        edits.SetLiteral(choice.GetProperty("logprobs"), "null"u8);
        return true;
    }

    /// <summary>Returns the channel of choice <paramref name="choice"/>'s refusal, a content channel apart from its content.</summary>
    public static TextChannel Refusal(int choice) => new(TextChannelKind.Content, choice, Part: 1);

    /// <summary>Returns the name of the delta field that carries <paramref name="channel"/>'s text (tool calls aside).</summary>
    public static string FieldName(TextChannel channel) => channel switch
    {
        { Kind: TextChannelKind.Reasoning } => "reasoning_content",
        { Kind: TextChannelKind.Content, Part: 1 } => "refusal",
        _ => "content",
    };

    /// <summary>Builds the chunk that carries <paramref name="text"/> of <paramref name="channel"/>, with <paramref name="head"/>'s id, model and such.</summary>
    public static byte[] Chunk(ChunkHead head, TextChannel channel, string text)
        => JsonOutput.Build((head, channel, text), static (writer, state) =>
        {
            var (head, channel, text) = state;
            writer.WriteStartObject();
            head.WriteTo(writer);
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", channel.Choice);
            writer.WriteStartObject("delta");
            switch (channel.Kind)
            {
                case TextChannelKind.Reasoning:
                    writer.WriteString("reasoning_content", text);
                    break;
                case TextChannelKind.ToolArguments when channel.Index == LegacyFunctionCall:
                    writer.WriteStartObject("function_call");
                    writer.WriteString("arguments", text);
                    writer.WriteEndObject();
                    break;
                case TextChannelKind.ToolArguments or TextChannelKind.ToolInput:
                    var (shape, field) = channel.Kind == TextChannelKind.ToolInput ? ("custom", "input") : ("function", "arguments");
                    writer.WriteStartArray("tool_calls");
                    writer.WriteStartObject();
                    writer.WriteNumber("index", channel.Index);
                    writer.WriteStartObject(shape);
                    writer.WriteString(field, text);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                    writer.WriteEndArray();
                    break;
                default:
                    writer.WriteString(FieldName(channel), text);
                    break;
            }

            writer.WriteEndObject();
            writer.WriteNull("finish_reason");
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static bool Text(JsonElement parent, string name, TextChannel channel, TextFields fields, bool streamed)
        => streamed ? fields.Push(parent, name, channel) : fields.Whole(parent, name, channel);
}
