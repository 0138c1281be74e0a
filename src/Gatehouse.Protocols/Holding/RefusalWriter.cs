using System.Buffers;
using System.Text.Json;

namespace Gatehouse.Protocols.Holding;

/// <summary>
/// Writes, in one API's own shape, the answer a client gets instead of a held response: a complete JSON body, or the
/// stream events that end the stream properly after whatever of it the client already received.
/// </summary>
/// <remarks>
/// <see cref="Observe"/> sees every event released to the client, so that the ending continues that stream (block
/// indexes, whether the opening event was sent) rather than contradicting it.
/// </remarks>
internal abstract class RefusalWriter
{
    private readonly ArrayBufferWriter<byte> _json = new(512);

    /// <summary>Learns from one event the client received.</summary>
    public abstract void Observe(ReadOnlySpan<byte> eventType, JsonElement data);

    /// <summary>Writes the events that end the stream with <paramref name="content"/>'s text as the assistant's answer.</summary>
    public abstract void WriteStream(IBufferWriter<byte> output, RefusalContent content);

    /// <summary>Writes a whole response body whose assistant answer is <paramref name="content"/>'s text.</summary>
    public abstract void WriteBody(IBufferWriter<byte> output, RefusalContent content);

    /// <summary>Writes one event: <c>event:</c> when named, then its JSON data on one line.</summary>
    protected void Event(IBufferWriter<byte> output, string? name, Action<Utf8JsonWriter> data)
    {
        if (name is not null)
        {
            output.Write("event: "u8);
            output.Write(System.Text.Encoding.UTF8.GetBytes(name));
            output.Write("\n"u8);
        }

        output.Write("data: "u8);
        Json(output, data);
        output.Write("\n\n"u8);
    }

    /// <summary>Writes one JSON object to <paramref name="output"/>.</summary>
    protected void Json(IBufferWriter<byte> output, Action<Utf8JsonWriter> data)
    {
        _json.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_json))
        {
            writer.WriteStartObject();
            data(writer);
            writer.WriteEndObject();
        }

        output.Write(_json.WrittenSpan);
    }
}
