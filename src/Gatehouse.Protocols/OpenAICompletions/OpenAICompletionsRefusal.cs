using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.OpenAICompletions;

/// <summary>Legacy Completions refusals: a <c>text_completion</c>, or a text chunk and a <c>stop</c> chunk then <c>[DONE]</c>.</summary>
internal sealed class OpenAICompletionsRefusal : RefusalWriter
{
    private string? _id;
    private string? _model;
    private long? _created;

    public override void Observe(ReadOnlySpan<byte> eventType, JsonElement data)
    {
        _id ??= data.String("id"u8);
        _model ??= data.String("model"u8);
        _created ??= data.Long("created"u8);
    }

    public override void WriteStream(IBufferWriter<byte> output, RefusalContent content)
    {
        Event(output, null, w => Completion(w, content, content.Text, finish: null));
        Event(output, null, w => Completion(w, content, "", finish: "stop"));
        output.Write("data: [DONE]\n\n"u8);
    }

    public override void WriteBody(IBufferWriter<byte> output, RefusalContent content) => Json(output, w =>
    {
        Completion(w, content, content.Text, "stop");
        w.WriteStartObject("usage");
        w.WriteNumber("prompt_tokens", 0);
        w.WriteNumber("completion_tokens", 0);
        w.WriteNumber("total_tokens", 0);
        w.WriteEndObject();
    });

    private void Completion(Utf8JsonWriter w, RefusalContent content, string text, string? finish)
    {
        w.WriteString("id", _id ?? "cmpl-" + content.Id);
        w.WriteString("object", "text_completion");
        w.WriteNumber("created", _created ?? content.CreatedAt.ToUnixTimeSeconds());
        w.WriteString("model", _model ?? content.Model);
        w.WriteStartArray("choices");
        w.WriteStartObject();
        w.WriteString("text", text);
        w.WriteNumber("index", 0);
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
}
