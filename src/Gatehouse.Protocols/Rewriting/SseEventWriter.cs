using System.Buffers;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Writes server-sent events to the current output: <c>event:</c>, <c>id:</c> when it changed, then data lines.</summary>
internal sealed class SseEventWriter
{
    private readonly ArrayBufferWriter<byte> _event = new();
    private byte[] _writtenId = [];

    /// <summary>Gets or sets where events go; set before each call into a rewriter.</summary>
    public IBufferWriter<byte> Output { get; set; } = new ArrayBufferWriter<byte>();

    /// <summary>Gets or sets the last event id the upstream stream set; written with the next event when it changed.</summary>
    public ReadOnlyMemory<byte> LastEventId { get; set; }

    /// <summary>Gets or sets where whole events go instead of <see cref="Output"/>, or null to write bytes.</summary>
    public ISseEventSink? Sink { get; set; }

    /// <summary>Gets whether the sink takes each event's parse (see <see cref="ISseEventSink.KeepsParses"/>).</summary>
    public bool KeepsParses => Sink?.KeepsParses ?? false;

    /// <summary>Writes an event that comes with no parse (one the rewriter made up, or did not parse).</summary>
    public void Write(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data) => Write(eventType, data, default, null);

    /// <summary>Writes an event with the rewriter's parse of it, which this call owns: the sink takes it, or it is disposed.</summary>
    public void Write(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> data, JsonLease parse, JsonEdits? edits)
    {
        if (Sink is null)
        {
            Serialise(Output, eventType, data);
            parse.Dispose();
            return;
        }

        _event.ResetWrittenCount();
        Serialise(_event, eventType, data);
        Sink.Event(eventType, data, _event.WrittenSpan, parse, edits);
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
