using System.Text.Json;
using Gatehouse.Protocols.Requests;
using static Gatehouse.Protocols.Requests.RequestFields;
using static Gatehouse.Protocols.Requests.TextJoiner;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>Reads a Responses request: model, stream, instructions, input (text or items), tools.</summary>
internal static class OpenAIResponsesRequestParser
{
    public static ParsedRequest Read(JsonElement root)
    {
        var messages = new List<PromptMessage>();
        var pieces = new List<string>();
        if (OptionalString(root, "instructions", "") is { } instructions)
        {
            messages.Add(new PromptMessage("system", instructions));
            Piece(pieces, instructions);
        }

        if (root.TryGetProperty("input", out var input) && input.ValueKind != JsonValueKind.Null)
        {
            ReadInput(input, messages, pieces);
        }

        return new ParsedRequest
        {
            Api = ApiKind.OpenAIResponses,
            Model = RequiredString(root, "model", ""),
            Stream = OptionalBool(root, "stream", ""),
            Messages = messages,
            TextPieces = pieces,
            ToolNames = ToolNames.Read(root, ToolName),
        };
    }

    private static void ReadInput(JsonElement input, List<PromptMessage> messages, List<string> pieces)
    {
        if (input.ValueKind == JsonValueKind.String)
        {
            var text = input.GetString() ?? "";
            messages.Add(new PromptMessage("user", text));
            Piece(pieces, text);
            return;
        }

        if (input.ValueKind != JsonValueKind.Array)
        {
            throw Wrong("", "input", "a string or an array");
        }

        var position = 0;
        foreach (var item in input.EnumerateArray())
        {
            if (ReadItem(item, $"input[{position++}]", pieces) is { } message)
            {
                messages.Add(message);
            }
        }
    }

    private static PromptMessage? ReadItem(JsonElement item, string path, List<string> pieces)
    {
        Object(item, path);
        var text = new TextJoiner(pieces);
        switch (OptionalString(item, "type", path) ?? "message")
        {
            case "message":
                ContentParts.Add(item, "content", path, text, TextField);
                return new PromptMessage(RequiredString(item, "role", path), text.ToString());
            case "function_call":
                text.AddToolCall(OptionalString(item, "name", path), OptionalString(item, "arguments", path));
                return new PromptMessage("assistant", text.ToString());
            case "custom_tool_call":
                text.AddToolCall(OptionalString(item, "name", path), OptionalString(item, "input", path));
                return new PromptMessage("assistant", text.ToString());
            case "function_call_output" or "custom_tool_call_output":
                ContentParts.Add(item, "output", path, text, TextField);
                return new PromptMessage("tool", text.ToString());
            case "reasoning":
                ContentParts.Add(item, "summary", path, text, TextField);
                return new PromptMessage("assistant", text.ToString());
            default:
                return null;
        }
    }

    private static string? TextField(string? type) => type switch
    {
        "input_text" or "output_text" or "text" or "summary_text" or "reasoning_text" => "text",
        "refusal" => "refusal",
        _ => null,
    };

    /// <summary>Function and custom tools by name; built-in tools (which have none) by type, such as <c>web_search</c>.</summary>
    private static string? ToolName(JsonElement tool, string path)
        => OptionalString(tool, "name", path) ?? OptionalString(tool, "type", path);
}
