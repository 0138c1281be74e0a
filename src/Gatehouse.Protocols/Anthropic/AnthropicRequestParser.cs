using System.Text.Json;
using Gatehouse.Protocols.Requests;
using static Gatehouse.Protocols.Requests.RequestFields;
using static Gatehouse.Protocols.Requests.TextJoiner;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>Reads a Messages request: model, stream, system, messages (with tool use and results), tools.</summary>
internal static class AnthropicRequestParser
{
    public static ParsedRequest Read(JsonElement root)
    {
        var messages = new List<PromptMessage>();
        var pieces = new List<string>();
        if (root.TryGetProperty("system", out var system) && system.ValueKind != JsonValueKind.Null)
        {
            messages.Add(new PromptMessage("system", Flatten(system, "system", pieces)));
        }

        var position = 0;
        foreach (var message in RequiredArray(root, "messages", "").EnumerateArray())
        {
            var path = $"messages[{position++}]";
            Object(message, path);
            var content = message.TryGetProperty("content", out var value) ? value : throw Missing(path, "content");
            messages.Add(new PromptMessage(RequiredString(message, "role", path), Flatten(content, $"{path}.content", pieces)));
        }

        return new ParsedRequest
        {
            Api = ApiKind.AnthropicMessages,
            Model = RequiredString(root, "model", ""),
            Stream = OptionalBool(root, "stream", ""),
            Messages = messages,
            TextPieces = pieces,
            ToolNames = ToolNames.Read(root, (tool, path) => OptionalString(tool, "name", path)),
        };
    }

    /// <summary>Flattens content that is a string or an array of blocks.</summary>
    private static string Flatten(JsonElement content, string path, List<string> pieces)
    {
        if (content.ValueKind == JsonValueKind.String)
        {
            var whole = content.GetString() ?? "";
            Piece(pieces, whole);
            return whole;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            throw new RequestShapeException($"'{path}' must be a string or an array");
        }

        var text = new TextJoiner(pieces);
        var position = 0;
        foreach (var block in content.EnumerateArray())
        {
            AddBlock(block, $"{path}[{position++}]", text, pieces);
        }

        return text.ToString();
    }

    private static void AddBlock(JsonElement block, string path, TextJoiner text, List<string> pieces)
    {
        Object(block, path);
        switch (OptionalString(block, "type", path))
        {
            case "text":
                text.Add(RequiredString(block, "text", path));
                break;
            case "thinking":
                text.Add(OptionalString(block, "thinking", path));
                break;
            case "tool_use" or "server_tool_use":
                var input = block.TryGetProperty("input", out var value) ? value.GetRawText() : null;
                text.AddToolCall(OptionalString(block, "name", path), input);
                break;
            case "tool_result":
                if (block.TryGetProperty("content", out var result) && result.ValueKind != JsonValueKind.Null)
                {
                    text.AddRecorded(Flatten(result, $"{path}.content", pieces));
                }

                break;
            case "document" when OptionalObject(block, "source", path) is { } source && OptionalString(source, "type", path) == "text":
                text.Add(OptionalString(source, "data", $"{path}.source"));
                break;
            default:
                break;
        }
    }
}
