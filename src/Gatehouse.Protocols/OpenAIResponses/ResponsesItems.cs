using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Rewrites whole Responses output items, the form they take in item events, final events and bodies.</summary>
internal static class ResponsesItems
{
    public static int Int(JsonElement data, string? name) => TextFields.Int(data, name);

    /// <summary>Rewrites every item of <paramref name="response"/>'s <c>output</c>, item k being output index k.</summary>
    public static bool RewriteOutput(JsonElement response, TextFields fields)
    {
        var changed = false;
        if (TextFields.Member(response, "output", JsonValueKind.Array) is { } output)
        {
            var index = 0;
            foreach (var item in output.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object)
                {
                    changed |= Rewrite(item, index, fields);
                }

                index++;
            }
        }

        return changed;
    }

    public static bool Rewrite(JsonElement item, int index, TextFields fields)
    {
        switch (TextFields.String(item, "type"))
        {
            case "message":
                return RewriteParts(TextFields.Member(item, "content"), index, TextChannelKind.Content, fields);
            case "reasoning":
                return RewriteParts(TextFields.Member(item, "summary"), index, TextChannelKind.ReasoningSummary, fields)
                    | RewriteParts(TextFields.Member(item, "content"), index, TextChannelKind.Reasoning, fields);
            case "function_call":
                return fields.Whole(item, "arguments", new TextChannel(TextChannelKind.ToolArguments, Index: index));
            case "custom_tool_call":
                return fields.Whole(item, "input", new TextChannel(TextChannelKind.ToolInput, Index: index));
            case "file_search_call":
                // The queries are the model's words; the results are text of the searched files, read back to the client.
                return fields.WholeStrings(item, "queries", new TextChannel(TextChannelKind.Content, Index: index, Part: 0))
                    | RewriteResults(TextFields.Member(item, "results"), index, fields);
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
    public static bool RewritePart(JsonElement part, TextChannel channel, TextFields fields)
        => DropLogprobs(part, fields.Edits) | fields.Whole(part, TextFields.String(part, "type") == "refusal" ? "refusal" : "text", channel);

    /// <summary>
    /// Empties the token log probabilities of a text part or text event: each token is a piece of the text, so a secret
    /// masked in the text could be read back token by token. Returns whether there were any.
    /// </summary>
    public static bool DropLogprobs(JsonElement data, JsonEdits edits)
    {
        if (TextFields.Member(data, "logprobs") is not { } logprobs
            || logprobs.ValueKind == JsonValueKind.Null
            || (logprobs.ValueKind == JsonValueKind.Array && logprobs.GetArrayLength() == 0))
        {
            return false;
        }

        edits.SetLiteral(logprobs, "[]"u8);
        return true;
    }

    private static bool RewriteResults(JsonElement? results, int index, TextFields fields)
    {
        var changed = false;
        if (results is { ValueKind: JsonValueKind.Array } array)
        {
            var position = -1;
            foreach (var result in array.EnumerateArray())
            {
                position++;
                if (result.ValueKind == JsonValueKind.Object)
                {
                    var channel = new TextChannel(TextChannelKind.Content, Index: index, Part: position + 1);
                    changed |= fields.WholeStrings(result, "text", channel) | fields.WholeStrings(result, "filename", channel);
                }
            }
        }

        return changed;
    }

    private static bool RewriteParts(JsonElement? parts, int index, TextChannelKind kind, TextFields fields)
    {
        var changed = false;
        if (parts is { ValueKind: JsonValueKind.Array } array)
        {
            var part = -1;
            foreach (var content in array.EnumerateArray())
            {
                part++;
                if (content.ValueKind == JsonValueKind.Object)
                {
                    changed |= RewritePart(content, new TextChannel(kind, Index: index, Part: part), fields);
                }
            }
        }

        return changed;
    }
}
