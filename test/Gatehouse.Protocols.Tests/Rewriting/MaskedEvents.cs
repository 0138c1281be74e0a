using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>
/// Builds response streams and bodies of each API around a given text, cut into deltas at given places, as an upstream
/// writes them (compact JSON, escaped only where JSON requires).
/// </summary>
internal static class MaskedEvents
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The stream of <paramref name="api"/> whose text is <paramref name="pieces"/> joined, one delta each; the last piece goes into tool arguments.</summary>
    public static string Stream(ApiKind api, IReadOnlyList<string> pieces, bool logprobs, string arguments)
    {
        var events = new StringBuilder();
        void Add(string? type, Action<Utf8JsonWriter> write)
        {
            if (type is not null)
            {
                events.Append("event: ").Append(type).Append('\n');
            }

            events.Append("data: ").Append(Json(write)).Append("\n\n");
        }

        switch (api)
        {
            case ApiKind.OpenAIChat:
                foreach (var piece in pieces)
                {
                    Add(null, w => Chunk(w, logprobs, d => d.WriteString("content", piece), null));
                }

                Add(null, w => Chunk(w, false, d => Tool(d, arguments), null));
                Add(null, w => Chunk(w, false, _ => { }, "stop"));
                events.Append("data: [DONE]\n\n");
                break;
            case ApiKind.AnthropicMessages:
                Add("message_start", w => Object(w, () =>
                {
                    w.WriteString("type", "message_start");
                    w.WriteStartObject("message");
                    w.WriteString("id", "msg_1");
                    w.WriteString("model", "claude-x");
                    w.WriteStartArray("content");
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
                Add("content_block_start", w => Block(w, 0, "text", b => b.WriteString("text", "")));
                foreach (var piece in pieces)
                {
                    Add("content_block_delta", w => Delta(w, 0, "text_delta", "text", piece));
                }

                Add("content_block_stop", w => Object(w, () => { w.WriteString("type", "content_block_stop"); w.WriteNumber("index", 0); }));
                Add("content_block_start", w => Block(w, 1, "tool_use", b =>
                {
                    b.WriteString("id", "toolu_1");
                    b.WriteString("name", "run");
                    b.WriteStartObject("input");
                    b.WriteEndObject();
                }));
                Add("content_block_delta", w => Delta(w, 1, "input_json_delta", "partial_json", arguments));
                Add("content_block_stop", w => Object(w, () => { w.WriteString("type", "content_block_stop"); w.WriteNumber("index", 1); }));
                Add("message_delta", w => Object(w, () =>
                {
                    w.WriteString("type", "message_delta");
                    w.WriteStartObject("delta");
                    w.WriteString("stop_reason", "end_turn");
                    w.WriteEndObject();
                }));
                Add("message_stop", w => Object(w, () => w.WriteString("type", "message_stop")));
                break;
            default:
                var text = string.Concat(pieces);
                foreach (var piece in pieces)
                {
                    Add("response.output_text.delta", w => Object(w, () =>
                    {
                        w.WriteString("type", "response.output_text.delta");
                        w.WriteString("item_id", "msg_1");
                        w.WriteNumber("output_index", 0);
                        w.WriteNumber("content_index", 0);
                        w.WriteString("delta", piece);
                        Logprobs(w, logprobs, piece);
                    }));
                }

                Add("response.output_text.done", w => Object(w, () =>
                {
                    w.WriteString("type", "response.output_text.done");
                    w.WriteNumber("output_index", 0);
                    w.WriteNumber("content_index", 0);
                    w.WriteString("text", text);
                }));
                Add("response.completed", w => Object(w, () =>
                {
                    w.WriteString("type", "response.completed");
                    w.WriteStartObject("response");
                    w.WriteString("id", "resp_1");
                    w.WriteString("status", "completed");
                    w.WriteStartArray("output");
                    ResponsesMessage(w, text, logprobs);
                    w.WriteStartObject();
                    w.WriteString("type", "function_call");
                    w.WriteString("name", "run");
                    w.WriteString("arguments", arguments);
                    w.WriteEndObject();
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
                break;
        }

        return events.ToString();
    }

    /// <summary>The whole JSON body of <paramref name="api"/> whose text is <paramref name="text"/>.</summary>
    public static string Body(ApiKind api, string text, bool logprobs, string arguments) => Json(w => Object(w, () =>
    {
        switch (api)
        {
            case ApiKind.OpenAIChat:
                w.WriteString("id", "c1");
                w.WriteString("object", "chat.completion");
                w.WriteStartArray("choices");
                w.WriteStartObject();
                w.WriteNumber("index", 0);
                w.WriteStartObject("message");
                w.WriteString("role", "assistant");
                w.WriteString("content", text);
                Tool(w, arguments);
                w.WriteEndObject();
                Logprobs(w, logprobs, text);
                w.WriteString("finish_reason", "stop");
                w.WriteEndObject();
                w.WriteEndArray();
                break;
            case ApiKind.AnthropicMessages:
                w.WriteString("id", "msg_1");
                w.WriteString("type", "message");
                w.WriteStartArray("content");
                w.WriteStartObject();
                w.WriteString("type", "text");
                w.WriteString("text", text);
                w.WriteEndObject();
                w.WriteStartObject();
                w.WriteString("type", "tool_use");
                w.WriteString("name", "run");
                w.WriteStartObject("input");
                w.WriteString("command", arguments);
                w.WriteStartArray("args");
                w.WriteStringValue(arguments);
                w.WriteNumberValue(1.50);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteString("stop_reason", "end_turn");
                break;
            default:
                w.WriteString("id", "resp_1");
                w.WriteStartArray("output");
                ResponsesMessage(w, text, logprobs);
                w.WriteEndArray();
                break;
        }
    }));

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static void Object(Utf8JsonWriter w, Action members)
    {
        w.WriteStartObject();
        members();
        w.WriteEndObject();
    }

    private static void Chunk(Utf8JsonWriter w, bool logprobs, Action<Utf8JsonWriter> delta, string? finish)
    {
        w.WriteStartObject();
        w.WriteString("id", "chatcmpl-1");
        w.WriteString("object", "chat.completion.chunk");
        w.WriteNumber("created", 1700000000);
        w.WriteString("model", "gpt-x");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("delta");
        delta(w);
        w.WriteEndObject();
        Logprobs(w, logprobs, "tok");
        w.WriteString("finish_reason", finish);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Tool(Utf8JsonWriter w, string arguments)
    {
        w.WriteStartArray("tool_calls");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteString("id", "call_1");
        w.WriteString("type", "function");
        w.WriteStartObject("function");
        w.WriteString("name", "run");
        w.WriteString("arguments", arguments);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Block(Utf8JsonWriter w, int index, string type, Action<Utf8JsonWriter> members)
    {
        w.WriteStartObject();
        w.WriteString("type", "content_block_start");
        w.WriteNumber("index", index);
        w.WriteStartObject("content_block");
        w.WriteString("type", type);
        members(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Delta(Utf8JsonWriter w, int index, string type, string field, string text)
    {
        w.WriteStartObject();
        w.WriteString("type", "content_block_delta");
        w.WriteNumber("index", index);
        w.WriteStartObject("delta");
        w.WriteString("type", type);
        w.WriteString(field, text);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void ResponsesMessage(Utf8JsonWriter w, string text, bool logprobs)
    {
        w.WriteStartObject();
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteStartArray("content");
        w.WriteStartObject();
        w.WriteString("type", "output_text");
        w.WriteString("text", text);
        Logprobs(w, logprobs, text);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Logprobs(Utf8JsonWriter w, bool present, string token)
    {
        if (!present)
        {
            return;
        }

        w.WriteStartArray("logprobs");
        w.WriteStartObject();
        w.WriteString("token", token);
        w.WriteNumber("logprob", -0.25);
        w.WriteEndObject();
        w.WriteEndArray();
    }
}
