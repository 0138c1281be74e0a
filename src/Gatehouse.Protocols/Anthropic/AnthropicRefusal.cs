using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Anthropic;

/// <summary>
/// Messages refusals: a <c>message</c> object, or a text content block followed by <c>message_delta</c> and
/// <c>message_stop</c> (opening the message and closing an open block first when the client has not seen that).
/// </summary>
internal sealed class AnthropicRefusal : RefusalWriter
{
    private bool _started;
    private string? _model;
    private int? _openBlock;
    private int _nextBlock;

    public override void Observe(ReadOnlySpan<byte> eventType, JsonElement data)
    {
        switch (data.String("type"u8))
        {
            case "message_start":
                _started = true;
                _model = data.Object("message"u8)?.String("model"u8);
                break;
            case "content_block_start":
                var index = data.Int("index"u8);
                _openBlock = index;
                _nextBlock = Math.Max(_nextBlock, index + 1);
                break;
            case "content_block_stop":
                _openBlock = null;
                break;
            default:
                break;
        }
    }

    public override void WriteStream(IBufferWriter<byte> output, RefusalContent content)
    {
        if (!_started)
        {
            Event(output, "message_start", w =>
            {
                w.WriteString("type", "message_start");
                w.WritePropertyName("message");
                w.WriteStartObject();
                Message(w, content, text: null, stopReason: null);
                w.WriteEndObject();
            });
        }

        if (_openBlock is { } open)
        {
            Event(output, "content_block_stop", w => Block(w, "content_block_stop", open));
        }

        var index = _nextBlock;
        Event(output, "content_block_start", w =>
        {
            Block(w, "content_block_start", index);
            w.WriteStartObject("content_block");
            w.WriteString("type", "text");
            w.WriteString("text", "");
            w.WriteEndObject();
        });
        Event(output, "content_block_delta", w =>
        {
            Block(w, "content_block_delta", index);
            w.WriteStartObject("delta");
            w.WriteString("type", "text_delta");
            w.WriteString("text", content.Text);
            w.WriteEndObject();
        });
        Event(output, "content_block_stop", w => Block(w, "content_block_stop", index));
        Event(output, "message_delta", w =>
        {
            w.WriteString("type", "message_delta");
            w.WriteStartObject("delta");
            w.WriteString("stop_reason", "end_turn");
            w.WriteNull("stop_sequence");
            w.WriteEndObject();
            w.WriteStartObject("usage");
            w.WriteNumber("output_tokens", 0);
            w.WriteEndObject();
        });
        Event(output, "message_stop", w => w.WriteString("type", "message_stop"));
    }

    public override void WriteBody(IBufferWriter<byte> output, RefusalContent content)
        => Json(output, w => Message(w, content, content.Text, "end_turn"));

    private static void Block(Utf8JsonWriter w, string type, int index)
    {
        w.WriteString("type", type);
        w.WriteNumber("index", index);
    }

    private void Message(Utf8JsonWriter w, RefusalContent content, string? text, string? stopReason)
    {
        w.WriteString("id", "msg_" + content.Id);
        w.WriteString("type", "message");
        w.WriteString("role", "assistant");
        w.WriteStartArray("content");
        if (text is not null)
        {
            w.WriteStartObject();
            w.WriteString("type", "text");
            w.WriteString("text", text);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString("model", _model ?? content.Model);
        if (stopReason is null)
        {
            w.WriteNull("stop_reason");
        }
        else
        {
            w.WriteString("stop_reason", stopReason);
        }

        w.WriteNull("stop_sequence");
        w.WriteStartObject("usage");
        w.WriteNumber("input_tokens", 0);
        w.WriteNumber("output_tokens", 0);
        w.WriteEndObject();
    }
}
