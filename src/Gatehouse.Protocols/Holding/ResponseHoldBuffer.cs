using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Holding;

/// <summary>
/// Splits a response that policy may hold into what may reach the client now and what must wait for review, and
/// assembles the tool calls policy judges. One buffer per response; not thread-safe.
/// </summary>
/// <remarks>
/// <para>A stream is read event by event. Events before the first one that carries a tool call (or that the adapter
/// does not know, which could hide one) are released as they complete, byte for byte; from that event on everything
/// is held, unchanged, until the stream ends. With <c>holdFromStart</c>, or for a JSON (not streamed) body, everything
/// is held.</para>
/// <para>Bounded: the held bytes may not pass <c>maxHeldBytes</c>. Past it, or on a stream that cannot be read, the
/// buffer stops taking input and reports <see cref="Error"/>; the caller refuses (fail closed). Nothing unread is
/// ever released.</para>
/// </remarks>
public sealed class ResponseHoldBuffer : IDisposable
{
    private readonly JsonEventReader? _reader;
    private readonly IResponseBodyReader _bodyReader;
    private readonly SseParser? _parser;
    private readonly SummaryBuilder _summary;
    private readonly RefusalWriter _refusal;
    private readonly PooledByteBuffer _held;
    private readonly PooledByteBuffer _pending;
    private readonly List<StreamDelta> _deltas = [];
    private readonly System.Text.StringBuilder _heldText = new();
    private readonly int _maxTextChars;
    private ResponseSummary? _result;

    /// <summary>Creates a buffer; with a <paramref name="reader"/> it reads the bytes itself, else a response pipeline hands it events.</summary>
    internal ResponseHoldBuffer(
        RefusalWriter refusal, IResponseBodyReader bodyReader, JsonEventReader? reader, bool stream, bool holdFromStart, int maxHeldBytes, int maxTextChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeldBytes, 1);
        _bodyReader = bodyReader;
        _refusal = refusal;
        _summary = new SummaryBuilder(maxTextChars);
        _maxTextChars = maxTextChars;
        _held = new PooledByteBuffer(maxHeldBytes);
        _pending = new PooledByteBuffer(SseParser.DefaultMaxEventBytes + 4096);
        IsStream = stream;
        IsHolding = holdFromStart || !stream;
        if (stream && reader is not null)
        {
            _reader = reader;
            _parser = new SseParser();
        }
    }

    /// <summary>Gets whether the body is an event stream (rather than one JSON document).</summary>
    public bool IsStream { get; }

    /// <summary>Gets whether bytes are being held: from the start, or since the first tool-call event.</summary>
    public bool IsHolding { get; private set; }

    /// <summary>Gets why the response cannot be held (too large, unreadable), or null.</summary>
    public string? Error { get; private set; }

    /// <summary>
    /// Gets the response text among the held bytes (bounded). Text needs no review, so a refusal carries it: a stream's
    /// redactor may release the tail of the text only with the events that end it, after the first tool call.
    /// </summary>
    public string HeldText => _heldText.ToString();

    /// <summary>Gets the held bytes, exactly as received.</summary>
    public ReadOnlyMemory<byte> Held => _held.Memory;

    /// <summary>Creates the buffer for one response of <paramref name="adapter"/>'s API.</summary>
    /// <param name="adapter">The exchange's protocol adapter.</param>
    /// <param name="contentType">The response's media type.</param>
    /// <param name="holdFromStart">Whether to hold everything, text included, rather than from the first tool call.</param>
    /// <param name="maxHeldBytes">The most bytes held; more is an <see cref="Error"/>.</param>
    /// <param name="maxTextChars">The most response text the assembled summary keeps.</param>
    public static ResponseHoldBuffer Create(IProtocolAdapter adapter, string? contentType, bool holdFromStart, int maxHeldBytes, int maxTextChars = 65_536)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        return adapter.CreateHoldBuffer(contentType, holdFromStart, maxHeldBytes, maxTextChars);
    }

    /// <summary>Takes the next chunk of the body; writes to <paramref name="release"/> what may reach the client now.</summary>
    public void Append(ReadOnlySpan<byte> chunk, IBufferWriter<byte> release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (Error is not null || _result is not null)
        {
            return;
        }

        if (_parser is null)
        {
            Hold(chunk);
            return;
        }

        var rest = chunk;
        while (Error is null && !rest.IsEmpty)
        {
            var before = rest;
            var complete = _parser.TryReadEvent(ref rest, out var sseEvent);
            var consumed = before[..(before.Length - rest.Length)];
            if (!complete)
            {
                Keep(consumed);
                break;
            }

            _deltas.Clear();
            using (var document = _reader!.ReadKept(sseEvent.Data, _deltas))
            {
                Event(sseEvent.EventType.Span, consumed, _deltas, document?.RootElement, release);
            }
        }

        if (_parser.Error is { } error)
        {
            Error ??= error;
        }
    }

    /// <summary>Ends the body: releases what never needed holding and returns what the response says (its tool calls).</summary>
    public ResponseSummary Complete(IBufferWriter<byte> release)
    {
        ArgumentNullException.ThrowIfNull(release);
        if (_result is not null)
        {
            return _result;
        }

        if (!IsStream)
        {
            ReadBody();
            return EndBody(null, _deltas);
        }

        return EndStream(release);
    }

    /// <summary>Ends a stream handed over event by event: what is pending goes with the rest (held or released).</summary>
    internal ResponseSummary EndStream(IBufferWriter<byte> release)
    {
        if (_result is not null)
        {
            return _result;
        }

        if (_pending.Length > 0 && Error is null)
        {
            // A cut-off last event: held with the rest when holding, else passed on as it came (clients discard it).
            if (IsHolding)
            {
                Hold(_pending.Span);
            }
            else
            {
                release.Write(_pending.Span);
            }

            _pending.Clear();
        }

        _parser?.Dispose();
        _pending.Release();
        _result = _summary.Build(requireCompletion: true);
        return _result;
    }

    /// <summary>Ends a JSON body from its deltas, read once by the caller, or the reason it could not be read.</summary>
    internal ResponseSummary EndBody(string? readError, List<StreamDelta> deltas)
    {
        if (_result is not null)
        {
            return _result;
        }

        if (Error is null)
        {
            if (readError is not null)
            {
                Error = readError;
            }
            else
            {
                ApplyDeltas(deltas);
            }
        }

        _pending.Release();
        _result = _summary.Build(requireCompletion: false);
        return _result;
    }

    /// <summary>Takes one whole event of a stream, with the deltas read from it and its parsed data (or null).</summary>
    internal void Event(ReadOnlySpan<byte> eventType, ReadOnlySpan<byte> tail, List<StreamDelta> deltas, JsonElement? data, IBufferWriter<byte> release)
    {
        if (Error is not null || _result is not null)
        {
            return;
        }

        foreach (var delta in deltas)
        {
            IsHolding |= delta.Kind is StreamDeltaKind.ToolCallStarted or StreamDeltaKind.ToolArgumentsDelta
                or StreamDeltaKind.ToolArgumentsDone or StreamDeltaKind.Unknown or StreamDeltaKind.Error;
        }

        ApplyDeltas(deltas);
        if (IsHolding)
        {
            Hold(_pending.Span);
            Hold(tail);
        }
        else
        {
            if (data is { ValueKind: JsonValueKind.Object } observed)
            {
                _refusal.Observe(eventType, observed);
            }

            release.Write(_pending.Span);
            release.Write(tail);
        }

        _pending.Clear();
    }

    /// <summary>Takes bytes that belong with the next event (a comment, or the start of an event not yet complete).</summary>
    internal void Keep(ReadOnlySpan<byte> partial)
    {
        if (Error is not null || _result is not null)
        {
            return;
        }

        if (!_pending.TryAppend(partial))
        {
            Error ??= $"a stream event exceeds {_pending.MaxLength} bytes";
        }
    }

    /// <summary>Takes the next bytes of a JSON body, all of which are held.</summary>
    internal void HoldBody(ReadOnlySpan<byte> chunk)
    {
        if (Error is null && _result is null)
        {
            Hold(chunk);
        }
    }

    /// <summary>Stops taking input: the stream could not be read.</summary>
    internal void Fail(string error) => Error ??= error;

    /// <summary>Writes the API's own answer explaining that the held part was not delivered, in place of it.</summary>
    public void WriteRefusal(IBufferWriter<byte> output, RefusalContent content)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(content);
        if (IsStream)
        {
            _refusal.WriteStream(output, content);
        }
        else
        {
            _refusal.WriteBody(output, content);
        }
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        _parser?.Dispose();
        _pending.Release();
        _held.Release();
    }

    private void Hold(ReadOnlySpan<byte> bytes)
    {
        if (!_held.TryAppend(bytes))
        {
            Error ??= $"the held response exceeds {_held.MaxLength} bytes";
            _held.Release();
        }
    }

    private void ReadBody()
    {
        if (Error is not null)
        {
            return;
        }

        using var document = JsonBody.TryParse(_held.Memory, out var error);
        if (document is null)
        {
            Error = $"response body {error}";
            return;
        }

        _bodyReader.Read(document.RootElement, _deltas);
    }

    private void ApplyDeltas(List<StreamDelta> deltas)
    {
        foreach (var delta in deltas)
        {
            _summary.Apply(delta);
            if (IsHolding && delta.Kind == StreamDeltaKind.TextDelta && delta.Choice == 0 && delta.Text is { } text)
            {
                _heldText.Append(text.AsSpan(0, Math.Min(text.Length, Math.Max(0, _maxTextChars - _heldText.Length))));
            }
        }
    }
}
