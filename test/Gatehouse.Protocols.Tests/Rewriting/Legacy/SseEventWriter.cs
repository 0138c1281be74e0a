// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using System.Buffers;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Writes server-sent events to the current output: <c>event:</c>, <c>id:</c> when it changed, then data lines.</summary>
internal sealed class SseEventWriter
{
    private readonly ArrayBufferWriter<byte> _json = new();
    private readonly ArrayBufferWriter<byte> _event = new();
    private byte[] _writtenId = [];

    /// <summary>Gets or sets where events go; set before each call into a rewriter.</summary>
    public IBufferWriter<byte> Output { get; set; } = new ArrayBufferWriter<byte>();

    /// <summary>Gets or sets the last event id the upstream stream set; written with the next event when it changed.</summary>
    public ReadOnlyMemory<byte> LastEventId { get; set; }

    /// <summary>Gets or sets where whole events go instead of <see cref="Output"/>, or null to write bytes.</summary>
    public ISseEventSink? Sink { get; set; }

    public void Write(ReadOnlySpan<byte> eventType, JsonNode data)
    {
        _json.ResetWrittenCount();
        JsonNodes.Write(data, _json);
        Write(eventType, _json.WrittenSpan);
    }

    public void Write(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data)
    {
        if (Sink is null)
        {
            Serialise(Output, eventType, data);
            return;
        }

        _event.ResetWrittenCount();
        Serialise(_event, eventType, data);
        Sink.Event(eventType, data, _event.WrittenSpan, default, null);
    }

    /// <summary>Writes a comment line, which keeps idle connections alive without dispatching an event.</summary>
    public void Comment()
    {
        if (Sink is null)
        {
            Output.Write(":\n"u8);
        }
        else
        {
            Sink.Comment(":\n"u8);
        }
    }

    private static void Line(IBufferWriter<byte> output, ReadOnlySpan<byte> field, ReadOnlySpan<byte> value)
    {
        output.Write(field);
        output.Write(value);
        output.Write("\n"u8);
    }

    private void Serialise(IBufferWriter<byte> output, ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data)
    {
        if (!eventType.IsEmpty)
        {
            Line(output, "event: "u8, eventType);
        }

        if (!LastEventId.Span.SequenceEqual(_writtenId))
        {
            _writtenId = LastEventId.ToArray();
            Line(output, "id: "u8, _writtenId);
        }

        while (true)
        {
            var end = data.IndexOf((byte)'\n');
            Line(output, "data: "u8, end < 0 ? data : data[..end]);
            if (end < 0)
            {
                break;
            }

            data = data[(end + 1)..];
        }

        output.Write("\n"u8);
    }
}
