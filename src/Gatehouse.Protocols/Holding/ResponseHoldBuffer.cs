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
    private readonly IStreamEventReader? _reader;
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

    private ResponseHoldBuffer(IProtocolAdapter adapter, bool stream, bool holdFromStart, int maxHeldBytes, int maxTextChars)
    {
        _bodyReader = adapter.BodyReader;
        _refusal = RefusalWriter.For(adapter.Api);
        _summary = new SummaryBuilder(maxTextChars);
        _maxTextChars = maxTextChars;
        _held = new PooledByteBuffer(maxHeldBytes);
        _pending = new PooledByteBuffer(SseParser.DefaultMaxEventBytes + 4096);
        IsStream = stream;
        IsHolding = holdFromStart || !stream;
        if (stream)
        {
            _reader = adapter.CreateStreamEventReader();
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
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeldBytes, 1);
        return new ResponseHoldBuffer(adapter, MediaTypes.IsEventStream(contentType), holdFromStart, maxHeldBytes, maxTextChars);
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

            OnEvent(sseEvent, consumed, release);
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

        if (_parser is null)
        {
            ReadBody();
        }
        else if (_pending.Length > 0 && Error is null)
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
        _result = _summary.Build(requireCompletion: IsStream);
        return _result;
    }

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

    private void OnEvent(SseEvent sseEvent, ReadOnlySpan<byte> tail, IBufferWriter<byte> release)
    {
        _reader!.Read(sseEvent, _deltas);
        foreach (var delta in _deltas)
        {
            IsHolding |= delta.Kind is StreamDeltaKind.ToolCallStarted or StreamDeltaKind.ToolArgumentsDelta
                or StreamDeltaKind.ToolArgumentsDone or StreamDeltaKind.Unknown or StreamDeltaKind.Error;
        }

        ApplyDeltas();
        if (IsHolding)
        {
            Hold(_pending.Span);
            Hold(tail);
        }
        else
        {
            Observe(sseEvent);
            release.Write(_pending.Span);
            release.Write(tail);
        }

        _pending.Clear();
    }

    private void Observe(SseEvent sseEvent)
    {
        using var document = JsonBody.TryParse(sseEvent.Data, out _);
        if (document is { RootElement.ValueKind: JsonValueKind.Object })
        {
            _refusal.Observe(sseEvent.EventType.Span, document.RootElement);
        }
    }

    private void Keep(ReadOnlySpan<byte> partial)
    {
        if (!_pending.TryAppend(partial))
        {
            Error ??= $"a stream event exceeds {_pending.MaxLength} bytes";
        }
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
        ApplyDeltas();
    }

    private void ApplyDeltas()
    {
        foreach (var delta in _deltas)
        {
            _summary.Apply(delta);
            if (IsHolding && delta.Kind == StreamDeltaKind.TextDelta && delta.Choice == 0 && delta.Text is { } text)
            {
                _heldText.Append(text.AsSpan(0, Math.Min(text.Length, Math.Max(0, _maxTextChars - _heldText.Length))));
            }
        }

        _deltas.Clear();
    }
}
