using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.OpenAIChat;

/// <summary>Chat Completions refusals: a <c>chat.completion</c>, or content and <c>stop</c> chunks then <c>[DONE]</c>.</summary>
internal sealed class OpenAIChatRefusal : RefusalWriter
{
    private string? _id;
    private string? _model;
    private long? _created;
    private bool _roleSent;

    public override void Observe(ReadOnlySpan<byte> eventType, JsonElement data)
    {
        _id ??= data.String("id"u8);
        _model ??= data.String("model"u8);
        _created ??= data.Long("created"u8);
        _roleSent |= data.Property("choices"u8, JsonValueKind.Array) is { } choices && choices.GetArrayLength() > 0;
    }

    public override void WriteStream(IBufferWriter<byte> output, RefusalContent content)
    {
        Event(output, null, w => Chunk(w, content, delta =>
        {
            if (!_roleSent)
            {
                delta.WriteString("role", "assistant");
            }

            delta.WriteString("content", content.Text);
        }, finish: null));
        Event(output, null, w => Chunk(w, content, _ => { }, finish: "stop"));
        output.Write("data: [DONE]\n\n"u8);
    }

    public override void WriteBody(IBufferWriter<byte> output, RefusalContent content) => Json(output, w =>
    {
        Head(w, content, "chat.completion");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("message");
        w.WriteString("role", "assistant");
        w.WriteString("content", content.Text);
        w.WriteNull("refusal");
        w.WriteEndObject();
        w.WriteNull("logprobs");
        w.WriteString("finish_reason", "stop");
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", 0);
        w.WriteNumber("completion_tokens", 0);
        w.WriteNumber("total_tokens", 0);
        w.WriteEndObject();
    });

    private void Chunk(Utf8JsonWriter w, RefusalContent content, Action<Utf8JsonWriter> delta, string? finish)
    {
        Head(w, content, "chat.completion.chunk");
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteNumber("index", 0);
        w.WriteStartObject("delta");
        delta(w);
        w.WriteEndObject();
        w.WriteNull("logprobs");
        if (finish is null)
        {
            w.WriteNull("finish_reason");
        }
        else
        {
            w.WriteString("finish_reason", finish);
        }

        w.WriteEndObject();
        w.WriteEndArray();
    }

    private void Head(Utf8JsonWriter w, RefusalContent content, string kind)
    {
        w.WriteString("id", _id ?? "chatcmpl-" + content.Id);
        w.WriteString("object", kind);
        w.WriteNumber("created", _created ?? content.CreatedAt.ToUnixTimeSeconds());
        w.WriteString("model", _model ?? content.Model);
    }
}
