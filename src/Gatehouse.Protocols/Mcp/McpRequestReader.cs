using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Requests;
using static Gatehouse.Protocols.Requests.RequestFields;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// Reads the one JSON-RPC message of an MCP POST: its kind, method, id and what the method names, and, as tool calls
/// policy matches like a model's, a <c>tools/call</c> (its tool and arguments), a <c>resources/read</c> (named
/// <c>resources/read</c>, arguments <c>{"uri": ...}</c>) and a <c>prompts/get</c> (named <c>prompts/get</c>, arguments
/// <c>{"name": ..., "arguments": {...}}</c>).
/// </summary>
internal static class McpRequestReader
{
    public static ParsedRequest Read(JsonElement root)
    {
        if (OptionalString(root, "jsonrpc", "") != "2.0")
        {
            throw new RequestShapeException("'jsonrpc' must be \"2.0\"");
        }

        var id = Id(root);
        var method = OptionalString(root, "method", "");
        if (method is null)
        {
            if (id is null || (!root.TryGetProperty("result", out _) && !root.TryGetProperty("error", out _)))
            {
                throw new RequestShapeException("a message without 'method' must be a response, with 'id' and 'result' or 'error'");
            }

            return Request(new McpMessage(McpMessageKind.Response, null, id, null, null), [], []);
        }

        var parameters = OptionalObject(root, "params", "");
        var meta = parameters is { } p ? OptionalObject(p, "_meta", "params") : null;
        var version = meta is { } m ? OptionalString(m, McpVersions.MetaKey, "params._meta") : null;
        var kind = id is null ? McpMessageKind.Notification : McpMessageKind.Request;
        string? name = null;
        var calls = new List<ToolCall>(1);
        var texts = new List<PromptMessage>(1);
        switch (method)
        {
            case McpMessage.ToolsCall:
                name = RequiredString(Params(parameters, method), "name", "params");
                var arguments = OptionalObject(parameters!.Value, "arguments", "params")?.GetRawText() ?? "{}";
                calls.Add(new ToolCall(id, name, arguments));
                texts.Add(new PromptMessage(method + " " + name, arguments));
                break;
            case McpMessage.ResourcesRead:
                name = RequiredString(Params(parameters, method), "uri", "params");
                calls.Add(new ToolCall(id, method, Arguments(w => w.WriteString("uri", name))));
                texts.Add(new PromptMessage(method, name));
                break;
            case McpMessage.PromptsGet:
                name = RequiredString(Params(parameters, method), "name", "params");
                var promptArguments = OptionalObject(parameters!.Value, "arguments", "params");
                var prompt = name;
                calls.Add(new ToolCall(id, method, Arguments(w =>
                {
                    w.WriteString("name", prompt);
                    if (promptArguments is { } a)
                    {
                        w.WritePropertyName("arguments");
                        a.WriteTo(w);
                    }
                })));
                texts.Add(new PromptMessage(method + " " + name, promptArguments?.GetRawText() ?? "{}"));
                break;
            default:
                break;
        }

        var message = new McpMessage(kind, method, id, name, version)
        {
            ElicitsUrl = meta is { } declared && McpRetryFields.ElicitsUrl(declared),
            RequestState = parameters is { } retry ? OptionalString(retry, McpRetryFields.RequestState, "params") : null,
            DeclaresSampling = McpSamplingCapability.Declared(method, parameters, meta),
        };
        return Request(message, calls, texts);
    }

    /// <summary>The error for a body that is JSON but not one message: a batch, or not an object at all.</summary>
    public static string NotAnObject(JsonElement root) => root.ValueKind == JsonValueKind.Array
        ? "request body is a JSON-RPC batch; MCP since 2025-06-18 does not allow batches, and the gateway decides one message per request: send each message in its own POST"
        : "request body is not a JSON-RPC message (a JSON object)";

    private static ParsedRequest Request(McpMessage message, List<ToolCall> calls, List<PromptMessage> texts) => new()
    {
        Api = ApiKind.Mcp,
        Model = message.Name ?? message.Method,
        Messages = texts,
        ToolCalls = calls,
        Mcp = message,
    };

    private static JsonElement Params(JsonElement? parameters, string method)
        => parameters ?? throw new RequestShapeException($"'params' is required for {method}");

    private static string? Id(JsonElement root)
    {
        if (!root.TryGetProperty("id", out var id))
        {
            return null;
        }

        return id.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? id.GetRawText()
            : throw new RequestShapeException("'id' must be a string or a number");
    }

    private static string Arguments(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
