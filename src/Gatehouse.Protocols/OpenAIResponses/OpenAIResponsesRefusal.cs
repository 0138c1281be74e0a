using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.OpenAIResponses;

/// <summary>
/// Responses refusals: a completed <c>response</c> object whose output is one assistant message, or the events that
/// add that message and then <c>response.completed</c>, numbered after the events the client already received.
/// </summary>
internal sealed class OpenAIResponsesRefusal : RefusalWriter
{
    private string? _id;
    private string? _model;
    private long? _createdAt;
    private long _sequence = -1;
    private int _nextOutput;

    public override void Observe(ReadOnlySpan<byte> eventType, JsonElement data)
    {
        _sequence = Math.Max(_sequence, data.Long("sequence_number"u8) ?? _sequence);
        if (data.Property("output_index"u8, JsonValueKind.Number) is not null)
        {
            _nextOutput = Math.Max(_nextOutput, data.Int("output_index"u8) + 1);
        }

        if (data.Object("response"u8) is { } response)
        {
            _id ??= response.String("id"u8);
            _model ??= response.String("model"u8);
            _createdAt ??= response.Long("created_at"u8);
        }
    }

    public override void WriteStream(IBufferWriter<byte> output, RefusalContent content)
    {
        var item = "msg_" + content.Id;
        var index = _nextOutput;
        if (_id is null)
        {
            Event(output, "response.created", w => Envelope(w, "response.created", r => Response(r, content, "in_progress", withMessage: false)));
        }

        Event(output, "response.output_item.added", w => Envelope(w, "response.output_item.added", e =>
        {
            e.WriteNumber("output_index", index);
            e.WritePropertyName("item");
            Message(e, item, content.Text, done: false);
        }));
        Event(output, "response.content_part.added", w => Envelope(w, "response.content_part.added", e =>
        {
            Part(e, item, index);
            e.WritePropertyName("part");
            Text(e, "");
        }));
        Event(output, "response.output_text.delta", w => Envelope(w, "response.output_text.delta", e =>
        {
            Part(e, item, index);
            e.WriteString("delta", content.Text);
            e.WriteStartArray("logprobs");
            e.WriteEndArray();
        }));
        Event(output, "response.output_text.done", w => Envelope(w, "response.output_text.done", e =>
        {
            Part(e, item, index);
            e.WriteString("text", content.Text);
            e.WriteStartArray("logprobs");
            e.WriteEndArray();
        }));
        Event(output, "response.content_part.done", w => Envelope(w, "response.content_part.done", e =>
        {
            Part(e, item, index);
            e.WritePropertyName("part");
            Text(e, content.Text);
        }));
        Event(output, "response.output_item.done", w => Envelope(w, "response.output_item.done", e =>
        {
            e.WriteNumber("output_index", index);
            e.WritePropertyName("item");
            Message(e, item, content.Text, done: true);
        }));
        Event(output, "response.completed", w => Envelope(w, "response.completed", r => Response(r, content, "completed", withMessage: true)));
    }

    public override void WriteBody(IBufferWriter<byte> output, RefusalContent content)
        => Json(output, w => ResponseFields(w, content, "completed", withMessage: true));

    private void Envelope(Utf8JsonWriter w, string type, Action<Utf8JsonWriter> fields)
    {
        w.WriteString("type", type);
        w.WriteNumber("sequence_number", ++_sequence);
        fields(w);
    }

    private void Response(Utf8JsonWriter w, RefusalContent content, string status, bool withMessage)
    {
        w.WriteStartObject("response");
        ResponseFields(w, content, status, withMessage);
        w.WriteEndObject();
    }

    private void ResponseFields(Utf8JsonWriter w, RefusalContent content, string status, bool withMessage)
    {
        w.WriteString("id", _id ?? "resp_" + content.Id);
        w.WriteString("object", "response");
        w.WriteNumber("created_at", _createdAt ?? content.CreatedAt.ToUnixTimeSeconds());
        w.WriteString("status", status);
        w.WriteNull("error");
        w.WriteNull("incomplete_details");
        w.WriteString("model", _model ?? content.Model);
        w.WriteStartArray("output");
        if (withMessage)
        {
            Message(w, "msg_" + content.Id, content.Text, done: true);
        }

        w.WriteEndArray();
        w.WriteBoolean("parallel_tool_calls", true);
        w.WriteString("tool_choice", "auto");
        w.WriteStartArray("tools");
        w.WriteEndArray();
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", 0);
        w.WriteStartObject("input_tokens_details");
        w.WriteNumber("cached_tokens", 0);
        w.WriteEndObject();
        w.WriteNumber("output_tokens", 0);
        w.WriteStartObject("output_tokens_details");
        w.WriteNumber("reasoning_tokens", 0);
        w.WriteEndObject();
        w.WriteNumber("total_tokens", 0);
        w.WriteEndObject();
    }

    private static void Message(Utf8JsonWriter w, string id, string text, bool done)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("type", "message");
        w.WriteString("status", done ? "completed" : "in_progress");
        w.WriteString("role", "assistant");
        w.WriteStartArray("content");
        if (done)
        {
            Text(w, text);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Part(Utf8JsonWriter w, string item, int index)
    {
        w.WriteString("item_id", item);
        w.WriteNumber("output_index", index);
        w.WriteNumber("content_index", 0);
    }

    private static void Text(Utf8JsonWriter w, string text)
    {
        w.WriteStartObject();
        w.WriteString("type", "output_text");
        w.WriteString("text", text);
        w.WriteStartArray("annotations");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
