namespace Gatehouse.Protocols.Sse;

/// <summary>
/// Parses a <c>text/event-stream</c> body incrementally, byte by byte as chunks arrive, into <see cref="SseEvent"/>s.
/// </summary>
/// <remarks>
/// Follows the WHATWG "event stream interpretation": lines end in CR LF, LF or CR (also when the pair is split across
/// chunks), a leading UTF-8 byte order mark is skipped, <c>:</c> lines are comments, a field without a colon has an
/// empty value and one space after the colon is dropped. A line or an event's data longer than the limit faults the
/// parser (<see cref="Error"/>) instead of growing without bound. Buffers are pooled; call <see cref="Dispose"/> to
/// return them. Not thread-safe: one parser per stream.
/// </remarks>
public sealed class SseParser : IDisposable
{
    /// <summary>The default limit on one line and on one event's data: 1 MiB.</summary>
    public const int DefaultMaxEventBytes = 1 << 20;

    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];
    private readonly PooledByteBuffer _line;
    private readonly PooledByteBuffer _data;
    private readonly PooledByteBuffer _eventType;
    private readonly PooledByteBuffer _lastEventId;
    private bool _skipLineFeed;
    private bool _firstLine = true;
    private bool _dispatched;

    /// <summary>Creates a parser that faults on a line or event data longer than <paramref name="maxEventBytes"/>.</summary>
    public SseParser(int maxEventBytes = DefaultMaxEventBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEventBytes, 16);
        _line = new PooledByteBuffer(maxEventBytes);
        _data = new PooledByteBuffer(maxEventBytes);
        _eventType = new PooledByteBuffer(256);
        _lastEventId = new PooledByteBuffer(1024);
    }

    /// <summary>Gets why the stream could not be parsed, or null; once set, further input is ignored.</summary>
    public string? Error { get; private set; }

    /// <summary>Gets how many comment lines (<c>:</c> lines, such as keep-alive pings) the stream has carried.</summary>
    public long Comments { get; private set; }

    /// <summary>Gets the reconnection time the stream last set with <c>retry:</c>, in milliseconds, or null.</summary>
    public long? RetryMilliseconds { get; private set; }

    /// <summary>Gets a value indicating whether bytes of an unfinished line or event are buffered.</summary>
    /// <remarks>At the end of the body this means the stream was cut mid-event (the spec discards that event).</remarks>
    public bool HasPendingEvent => Error is null && (_line.Length > 0 || (!_dispatched && _data.Length > 0));

    /// <summary>
    /// Consumes <paramref name="input"/> until an event is complete, and returns it; returns false when the input is
    /// used up (or the parser faulted) without completing one. Call again with the remaining input until false.
    /// </summary>
    public bool TryReadEvent(ref ReadOnlySpan<byte> input, out SseEvent sseEvent)
    {
        sseEvent = default;
        if (_dispatched)
        {
            _dispatched = false;
            _data.Clear();
            _eventType.Clear();
        }

        while (Error is null && !input.IsEmpty)
        {
            if (_skipLineFeed)
            {
                _skipLineFeed = false;
                if (input[0] == (byte)'\n')
                {
                    input = input[1..];
                    continue;
                }
            }

            var end = input.IndexOfAny((byte)'\r', (byte)'\n');
            if (end < 0)
            {
                Buffer(input, _line, "an event-stream line");
                input = default;
                return false;
            }

            var consumed = end + 1;
            if (input[end] == (byte)'\r')
            {
                if (consumed < input.Length)
                {
                    consumed += input[consumed] == (byte)'\n' ? 1 : 0;
                }
                else
                {
                    _skipLineFeed = true;
                }
            }

            var dispatch = EndLine(input[..end]);
            input = input[consumed..];
            if (dispatch)
            {
                _dispatched = true;
                sseEvent = new SseEvent(_eventType.Memory, TrimFinalLineFeed(_data.Memory), _lastEventId.Memory);
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        _line.Release();
        _data.Release();
        _eventType.Release();
        _lastEventId.Release();
    }

    private static ReadOnlyMemory<byte> TrimFinalLineFeed(ReadOnlyMemory<byte> data)
        => data.Length > 0 ? data[..^1] : data;

    private bool EndLine(ReadOnlySpan<byte> tail)
    {
        ReadOnlySpan<byte> line;
        if (_line.Length > 0)
        {
            if (!Buffer(tail, _line, "an event-stream line"))
            {
                return false;
            }

            line = _line.Span;
        }
        else if (tail.Length > _line.MaxLength)
        {
            // The same limit as for a line split across chunks, so that a stream's fate never depends on its chunking.
            Error ??= $"malformed SSE stream: an event-stream line exceeds {_line.MaxLength} bytes";
            return false;
        }
        else
        {
            line = tail;
        }

        if (_firstLine)
        {
            _firstLine = false;
            if (line.StartsWith(Bom))
            {
                line = line[Bom.Length..];
            }
        }

        var dispatch = ProcessLine(line);
        _line.Clear();
        return dispatch;
    }

    private bool ProcessLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            if (_data.Length == 0)
            {
                _eventType.Clear();
                return false;
            }

            return true;
        }

        if (line[0] == (byte)':')
        {
            Comments++;
            return false;
        }

        var colon = line.IndexOf((byte)':');
        var name = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? [] : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }

        if (name.SequenceEqual("data"u8))
        {
            _ = Buffer(value, _data, "an event's data") && Buffer([(byte)'\n'], _data, "an event's data");
        }
        else if (name.SequenceEqual("event"u8))
        {
            _eventType.Clear();
            Buffer(value, _eventType, "an event name");
        }
        else if (name.SequenceEqual("id"u8) && !value.Contains((byte)0))
        {
            _lastEventId.Clear();
            Buffer(value, _lastEventId, "an event id");
        }
        else if (name.SequenceEqual("retry"u8))
        {
            SetRetry(value);
        }

        return false;
    }

    private void SetRetry(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty || value.Length > 18 || value.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return;
        }

        long milliseconds = 0;
        foreach (var digit in value)
        {
            milliseconds = (milliseconds * 10) + (digit - '0');
        }

        RetryMilliseconds = milliseconds;
    }

    private bool Buffer(ReadOnlySpan<byte> bytes, PooledByteBuffer buffer, string what)
    {
        if (buffer.TryAppend(bytes))
        {
            return true;
        }

        Error ??= $"malformed SSE stream: {what} exceeds {buffer.MaxLength} bytes";
        return false;
    }
}
