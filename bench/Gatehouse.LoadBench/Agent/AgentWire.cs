using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.LoadBench.Agent;

/// <summary>
/// Writes a conversation's requests as the agents send them: OpenAI chat completions (system message, <c>tools</c> of
/// type function, assistant <c>tool_calls</c>, <c>tool</c> messages) or Anthropic messages (<c>system</c>, <c>tools</c>
/// with <c>input_schema</c>, <c>tool_use</c> and <c>tool_result</c> blocks). Each distinct part (the system prompt, a
/// tool, a message) can also be written alone, to count the conversation's distinct content.
/// </summary>
internal static class AgentWire
{
    public const string OpenAIModel = "gpt-4.1";

    public const string AnthropicModel = "claude-sonnet-4-5";

    // As JSON.stringify and Python's json write it: '<' and '+' in source code stay as they are.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the request body of <paramref name="turn"/> (0-based) of <paramref name="conversation"/>.</summary>
    public static byte[] Request(AgentConversation conversation, int turn, AgentApi api, bool stream) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("model", api == AgentApi.OpenAIChat ? OpenAIModel : AnthropicModel);
        writer.WriteBoolean("stream", stream);
        if (api == AgentApi.AnthropicMessages)
        {
            writer.WriteNumber("max_tokens", 8192);
            writer.WriteString("system", conversation.System);
        }

        writer.WriteStartArray("tools");
        foreach (var tool in conversation.Tools)
        {
            WriteTool(writer, tool, api);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("messages");
        if (api == AgentApi.OpenAIChat)
        {
            writer.WriteStartObject();
            writer.WriteString("role", "system");
            writer.WriteString("content", conversation.System);
            writer.WriteEndObject();
        }

        foreach (var message in conversation.MessagesUpTo(turn))
        {
            WriteMessage(writer, message, api);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    /// <summary>Returns every part of the request of <paramref name="turn"/> as written alone: system prompt, tools, messages.</summary>
    public static IEnumerable<byte[]> Parts(AgentConversation conversation, int turn, AgentApi api)
    {
        yield return Encoding.UTF8.GetBytes(conversation.System);
        foreach (var tool in conversation.Tools)
        {
            yield return Write(writer => WriteTool(writer, tool, api));
        }

        foreach (var message in conversation.MessagesUpTo(turn))
        {
            yield return Write(writer => WriteMessage(writer, message, api));
        }
    }

    private static void WriteTool(Utf8JsonWriter writer, AgentTool tool, AgentApi api)
    {
        writer.WriteStartObject();
        if (api == AgentApi.OpenAIChat)
        {
            writer.WriteString("type", "function");
            writer.WriteStartObject("function");
            writer.WriteString("name", tool.Name);
            writer.WriteString("description", tool.Description);
            writer.WritePropertyName("parameters");
            writer.WriteRawValue(tool.Schema);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("name", tool.Name);
            writer.WriteString("description", tool.Description);
            writer.WritePropertyName("input_schema");
            writer.WriteRawValue(tool.Schema);
        }

        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, AgentMessage message, AgentApi api)
    {
        writer.WriteStartObject();
        switch (message.Kind, api)
        {
            case (AgentMessageKind.User, _):
                writer.WriteString("role", "user");
                writer.WriteString("content", message.Text);
                break;
            case (AgentMessageKind.AssistantToolCall, AgentApi.OpenAIChat):
                writer.WriteString("role", "assistant");
                writer.WriteString("content", message.Text);
                writer.WriteStartArray("tool_calls");
                writer.WriteStartObject();
                writer.WriteString("id", message.CallId);
                writer.WriteString("type", "function");
                writer.WriteStartObject("function");
                writer.WriteString("name", message.ToolName);
                writer.WriteString("arguments", message.Arguments);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case (AgentMessageKind.AssistantToolCall, _):
                writer.WriteString("role", "assistant");
                writer.WriteStartArray("content");
                writer.WriteStartObject();
                writer.WriteString("type", "text");
                writer.WriteString("text", message.Text);
                writer.WriteEndObject();
                writer.WriteStartObject();
                writer.WriteString("type", "tool_use");
                writer.WriteString("id", message.CallId);
                writer.WriteString("name", message.ToolName);
                writer.WritePropertyName("input");
                writer.WriteRawValue(message.Arguments!);
                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case (AgentMessageKind.ToolResult, AgentApi.OpenAIChat):
                writer.WriteString("role", "tool");
                writer.WriteString("tool_call_id", message.CallId);
                writer.WriteString("content", message.Text);
                break;
            default:
                writer.WriteString("role", "user");
                writer.WriteStartArray("content");
                writer.WriteStartObject();
                writer.WriteString("type", "tool_result");
                writer.WriteString("tool_use_id", message.CallId);
                writer.WriteString("content", message.Text);
                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
