// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites whole Responses output items, the form they take in item events, final events and bodies.</summary>
internal static class ResponsesItems
{
    public static int Int(JsonObject data, string? name)
        => name is not null && data[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;

    /// <summary>Rewrites every item of <paramref name="response"/>'s <c>output</c>, item k being output index k.</summary>
    public static bool RewriteOutput(JsonObject response, TextFields fields)
    {
        var changed = false;
        if (response["output"] is JsonArray output)
        {
            for (var index = 0; index < output.Count; index++)
            {
                if (output[index] is JsonObject item)
                {
                    changed |= Rewrite(item, index, fields);
                }
            }
        }

        return changed;
    }

    public static bool Rewrite(JsonObject item, int index, TextFields fields)
    {
        switch (JsonNodes.Text(item["type"]))
        {
            case "message":
                return RewriteParts(item["content"], index, TextChannelKind.Content, fields);
            case "reasoning":
                return RewriteParts(item["summary"], index, TextChannelKind.ReasoningSummary, fields)
                    | RewriteParts(item["content"], index, TextChannelKind.Reasoning, fields);
            case "function_call":
                return fields.Whole(item, "arguments", new TextChannel(TextChannelKind.ToolArguments, Index: index));
            case "custom_tool_call":
                return fields.Whole(item, "input", new TextChannel(TextChannelKind.ToolInput, Index: index));
            case "file_search_call":
                // The queries are the model's words; the results are text of the searched files, read back to the client.
                return fields.WholeStrings(item, "queries", new TextChannel(TextChannelKind.Content, Index: index, Part: 0))
                    | RewriteResults(item["results"], index, fields);
            case "web_search_call":
                return fields.WholeStrings(item, "action", new TextChannel(TextChannelKind.Content, Index: index, Part: 0));
            case "image_generation_call":
                return false;
            default:
                fields.UnknownShapes++;
                return false;
        }
    }

    /// <summary>Rewrites one content or summary part (<c>text</c>, or <c>refusal</c> for a refusal part); token log probabilities are dropped.</summary>
    public static bool RewritePart(JsonObject part, TextChannel channel, TextFields fields)
        => DropLogprobs(part) | fields.Whole(part, JsonNodes.Text(part["type"]) == "refusal" ? "refusal" : "text", channel);

    /// <summary>
    /// Empties the token log probabilities of a text part or text event: each token is a piece of the text, so a secret
    /// masked in the text could be read back token by token. Returns whether there were any.
    /// </summary>
    public static bool DropLogprobs(JsonObject data)
    {
        if (data["logprobs"] is JsonArray { Count: 0 } || JsonNodes.IsAbsent(data["logprobs"]))
        {
            return false;
        }

        data["logprobs"] = new JsonArray();
        return true;
    }

    private static bool RewriteResults(JsonNode? results, int index, TextFields fields)
    {
        var changed = false;
        if (results is JsonArray array)
        {
            for (var position = 0; position < array.Count; position++)
            {
                if (array[position] is JsonObject result)
                {
                    var channel = new TextChannel(TextChannelKind.Content, Index: index, Part: position + 1);
                    changed |= fields.WholeStrings(result, "text", channel) | fields.WholeStrings(result, "filename", channel);
                }
            }
        }

        return changed;
    }

    private static bool RewriteParts(JsonNode? parts, int index, TextChannelKind kind, TextFields fields)
    {
        var changed = false;
        if (parts is JsonArray array)
        {
            for (var part = 0; part < array.Count; part++)
            {
                if (array[part] is JsonObject content)
                {
                    changed |= RewritePart(content, new TextChannel(kind, Index: index, Part: part), fields);
                }
            }
        }

        return changed;
    }
}
