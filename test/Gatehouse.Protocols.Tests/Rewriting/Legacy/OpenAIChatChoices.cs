// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Shapes of Chat Completions choices shared by the stream and body rewriters.</summary>
internal static class OpenAIChatChoices
{
    /// <summary>The tool-call index given to a message's legacy <c>function_call</c>, which has none of its own.</summary>
    public const int LegacyFunctionCall = -1;

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
        if (!JsonNodes.IsAbsent(message["audio"]))
        {
            // Spoken output cannot be masked, and its transcript says the same words: the response cannot be released.
            fields.UnknownShapes++;
        }

        if (message["function_call"] is JsonObject legacy)
        {
            changed |= Text(legacy, "arguments", new TextChannel(TextChannelKind.ToolArguments, choice, LegacyFunctionCall), fields, streamed);
        }

        if (message["tool_calls"] is not JsonArray calls)
        {
            return changed;
        }

        for (var position = 0; position < calls.Count; position++)
        {
            if (calls[position] is not JsonObject call)
            {
                continue;
            }

            // A delta names its tool call by index; a whole message lists them in order.
            var index = streamed ? Index(call, position) : position;
            if (call["function"] is JsonObject function)
            {
                changed |= Text(function, "arguments", new TextChannel(TextChannelKind.ToolArguments, choice, index), fields, streamed);
            }
            else if (call["custom"] is JsonObject custom)
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
    public static bool DropLogprobs(JsonObject choice)
    {
        if (JsonNodes.IsAbsent(choice["logprobs"]))
        {
            return false;
        }

        choice["logprobs"] = null;
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

    /// <summary>Builds the chunk that carries <paramref name="text"/> of <paramref name="channel"/>, with <paramref name="last"/>'s id, model and such.</summary>
    public static JsonObject Chunk(JsonObject last, TextChannel channel, string text)
    {
        var delta = channel.Kind switch
        {
            TextChannelKind.Reasoning => new JsonObject { ["reasoning_content"] = text },
            TextChannelKind.ToolArguments when channel.Index == LegacyFunctionCall => new JsonObject
            {
                ["function_call"] = new JsonObject { ["arguments"] = text },
            },
            TextChannelKind.ToolArguments => new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = channel.Index,
                    ["function"] = new JsonObject { ["arguments"] = text },
                }),
            },
            TextChannelKind.ToolInput => new JsonObject
            {
                ["tool_calls"] = new JsonArray(new JsonObject
                {
                    ["index"] = channel.Index,
                    ["custom"] = new JsonObject { ["input"] = text },
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
