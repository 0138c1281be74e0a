using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Pipeline;

/// <summary>
/// The stages of a streamed response after masking, for each event once: the adapter's reader turns it into deltas
/// (one JSON parse), the capture folds them for the audit, the hold (when policy may hold) decides whether its bytes
/// go on or wait, and the rest go to the client.
/// </summary>
/// <remarks>
/// Events come whole from the stream rewriter of a masked response, or are split here from the bytes (one SSE parse)
/// when nothing rewrites events; those bytes then reach the client as they came, without waiting for an event's end,
/// unless a hold decides.
/// </remarks>
internal sealed class EventStage : IDisposable
{
    private readonly JsonEventReader _reader;
    private readonly SummaryBuilder _capture;
    private readonly ResponseHoldBuffer? _hold;
    private readonly SseParser? _parser;
    private readonly List<StreamDelta> _deltas = [];
    private ResponseSummary? _result;
    private bool _faulted;

    public EventStage(JsonEventReader reader, int maxTextChars, ResponseHoldBuffer? hold, bool splitsEvents)
    {
        _reader = reader;
        _capture = new SummaryBuilder(maxTextChars);
        _hold = hold;
        _parser = splitsEvents ? new SseParser() : null;
    }

    public ResponseHoldBuffer? Hold => _hold;

    /// <summary>Takes one whole (rewritten) event, parsing its data.</summary>
    public void Event(ReadOnlySpan<byte> eventType, ReadOnlyMemory<byte> data, ReadOnlySpan<byte> bytes, IBufferWriter<byte> client)
        => Read(eventType, data, bytes, client, write: true);

    /// <summary>
    /// Takes one whole rewritten event that the rewriter parsed: <paramref name="data"/> is its parse of the upstream's
    /// data, <paramref name="strings"/> gives its strings as masked, <paramref name="bytes"/> is the event as rewritten.
    /// </summary>
    public void Parsed(ReadOnlySpan<byte> eventType, JsonElement data, EditedStrings strings, ReadOnlySpan<byte> bytes, IBufferWriter<byte> client)
    {
        _deltas.Clear();
        _reader.ReadParsed(data, strings, _deltas);
        Take(eventType, data, bytes, client, write: true);
    }

    /// <summary>Takes bytes that dispatch no event (a comment), which go with the next event.</summary>
    public void Partial(ReadOnlySpan<byte> bytes, IBufferWriter<byte> client)
    {
        if (_hold is null)
        {
            client.Write(bytes);
        }
        else
        {
            _hold.Keep(bytes);
        }
    }

    /// <summary>Takes the next bytes of a stream nothing rewrote, splitting them into events.</summary>
    public void Bytes(ReadOnlySpan<byte> chunk, IBufferWriter<byte> client)
    {
        if (_hold is null)
        {
            client.Write(chunk);
        }

        if (_faulted)
        {
            return;
        }

        var rest = chunk;
        while (!rest.IsEmpty)
        {
            var before = rest;
            var complete = _parser!.TryReadEvent(ref rest, out var sseEvent);
            var consumed = before[..(before.Length - rest.Length)];
            if (!complete)
            {
                _hold?.Keep(consumed);
                break;
            }

            Read(sseEvent.EventType.Span, sseEvent.Data, consumed, client, write: false);
        }

        if (_parser!.Error is { } error)
        {
            _faulted = true;
            _capture.Fail(error);
            _hold?.Fail(error);
            _parser.Dispose();
        }
    }

    /// <summary>Ends the upstream's body: a hold releases what never needed holding and returns what it judges.</summary>
    public ResponseSummary? End(IBufferWriter<byte> client) => _hold?.EndStream(client);

    /// <summary>Returns the capture for the audit; <paramref name="complete"/> is false when the body was cut short.</summary>
    public ResponseSummary Summarise(bool complete)
    {
        if (_result is null)
        {
            if (!complete)
            {
                _capture.Fail("stream ended before its final event");
            }

            _result = _capture.Build(requireCompletion: true);
        }

        return _result;
    }

    public void Dispose()
    {
        _parser?.Dispose();
        _hold?.Dispose();
    }

    private void Read(ReadOnlySpan<byte> eventType, ReadOnlyMemory<byte> data, ReadOnlySpan<byte> bytes, IBufferWriter<byte> client, bool write)
    {
        _deltas.Clear();
        using var document = _reader.ReadKept(data, _deltas);
        Take(eventType, document?.RootElement, bytes, client, write);
    }

    // The event's deltas are read: the capture folds them, the hold decides on them (its refusal observes the event's
    // parse, whose fields it reads are never masked), and the rest goes to the client.
    private void Take(ReadOnlySpan<byte> eventType, JsonElement? data, ReadOnlySpan<byte> bytes, IBufferWriter<byte> client, bool write)
    {
        foreach (var delta in _deltas)
        {
            _capture.Apply(delta);
        }

        if (_hold is not null)
        {
            _hold.Event(eventType, bytes, _deltas, data, client);
        }
        else if (write)
        {
            client.Write(bytes);
        }
    }
}
