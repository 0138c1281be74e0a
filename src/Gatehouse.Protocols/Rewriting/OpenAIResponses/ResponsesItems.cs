using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Rewriting.OpenAIResponses;

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
            case "web_search_call" or "file_search_call" or "image_generation_call":
                return false;
            default:
                fields.UnknownShapes++;
                return false;
        }
    }

    /// <summary>Rewrites one content or summary part (<c>text</c>, or <c>refusal</c> for a refusal part).</summary>
    public static bool RewritePart(JsonObject part, TextChannel channel, TextFields fields)
        => fields.Whole(part, JsonNodes.Text(part["type"]) == "refusal" ? "refusal" : "text", channel);

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
