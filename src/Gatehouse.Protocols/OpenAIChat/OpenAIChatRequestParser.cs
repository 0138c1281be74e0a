using System.Text.Json;
using Gatehouse.Protocols.Requests;
using static Gatehouse.Protocols.Requests.RequestFields;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Reads a Chat Completions request: model, stream, messages (with tool calls and results), tools.</summary>
internal static class OpenAIChatRequestParser
{
    public static ParsedRequest Read(JsonElement root)
    {
        var messages = new List<PromptMessage>();
        var pieces = new List<string>();
        var position = 0;
        foreach (var message in RequiredArray(root, "messages", "").EnumerateArray())
        {
            messages.Add(ReadMessage(message, $"messages[{position++}]", pieces));
        }

        return new ParsedRequest
        {
            Api = ApiKind.OpenAIChat,
            Model = RequiredString(root, "model", ""),
            Stream = OptionalBool(root, "stream", ""),
            Messages = messages,
            TextPieces = pieces,
            ToolNames = ToolNames.Read(root, ToolName),
        };
    }

    private static PromptMessage ReadMessage(JsonElement message, string path, List<string> pieces)
    {
        Object(message, path);
        var text = new TextJoiner(pieces);
        ContentParts.Add(message, "content", path, text, TextField);
        text.Add(OptionalString(message, "refusal", path));
        var position = 0;
        foreach (var call in OptionalArray(message, "tool_calls", path))
        {
            var callPath = $"{path}.tool_calls[{position++}]";
            AddFunction(OptionalObject(Object(call, callPath), "function", callPath), $"{callPath}.function", text);
        }

        AddFunction(OptionalObject(message, "function_call", path), $"{path}.function_call", text);
        return new PromptMessage(RequiredString(message, "role", path), text.ToString());
    }

    private static string? TextField(string? type) => type switch
    {
        "text" => "text",
        "refusal" => "refusal",
        _ => null,
    };

    private static void AddFunction(JsonElement? function, string path, TextJoiner text)
    {
        if (function is { } value)
        {
            text.AddToolCall(OptionalString(value, "name", path), OptionalString(value, "arguments", path));
        }
    }

    private static string? ToolName(JsonElement tool, string path)
        => (OptionalObject(tool, "function", path) ?? OptionalObject(tool, "custom", path)) is { } definition
            ? OptionalString(definition, "name", path)
            : null;
}
