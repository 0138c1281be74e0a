using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Rewriting.OpenAIChat;

/// <summary>Shapes of Chat Completions choices shared by the stream and body rewriters.</summary>
internal static class OpenAIChatChoices
{
    private static readonly string[] HeadFields = ["id", "object", "created", "model", "system_fingerprint", "service_tier"];

    public static int Index(JsonObject item, int fallback)
        => item["index"] is JsonValue value && value.TryGetValue<int>(out var index) ? index : fallback;

    /// <summary>
    /// Rewrites a delta of choice <paramref name="choice"/> (<paramref name="streamed"/>: pushed through the channels)
    /// or a whole message of a body.
    /// </summary>
    public static bool Rewrite(JsonObject message, int choice, TextFields fields, bool streamed)
    {
        var changed = Text(message, "content", new TextChannel(TextChannelKind.Content, choice), fields, streamed);
        changed |= Text(message, "reasoning_content", new TextChannel(TextChannelKind.Reasoning, choice), fields, streamed);
        changed |= Text(message, "refusal", Refusal(choice), fields, streamed);
        if (message["tool_calls"] is not JsonArray calls)
        {
            return changed;
        }

        for (var position = 0; position < calls.Count; position++)
        {
            if (calls[position] is JsonObject call && call["function"] is JsonObject function)
            {
                // A delta names its tool call by index; a whole message lists them in order.
                var index = streamed ? Index(call, position) : position;
                changed |= Text(function, "arguments", new TextChannel(TextChannelKind.ToolArguments, choice, index), fields, streamed);
            }
        }

        return changed;
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

    /// <summary>Builds the chunk that carries <paramref name="text"/> of <paramref name="channel"/>, with <paramref name="last"/>'s id, model and such.</summary>
    public static JsonObject Chunk(JsonObject last, TextChannel channel, string text)
    {
        var delta = channel.Kind switch
        {
            TextChannelKind.Reasoning => new JsonObject { ["reasoning_content"] = text },
            TextChannelKind.ToolArguments => new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = channel.Index,
                    ["function"] = new JsonObject { ["arguments"] = text },
                }),
            },
            _ => new JsonObject { [FieldName(channel)] = text },
        };
        var chunk = new JsonObject();
        foreach (var name in HeadFields)
        {
            if (last[name] is { } value)
            {
                chunk[name] = value.DeepClone();
            }
        }

        chunk["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = channel.Choice,
            ["delta"] = delta,
            ["finish_reason"] = null,
        });
        return chunk;
    }

    private static bool Text(JsonObject parent, string name, TextChannel channel, TextFields fields, bool streamed)
        => streamed ? fields.Push(parent, name, channel) : fields.Whole(parent, name, channel);
}
