using System.Buffers;

namespace Gatehouse.Masking.Streaming;

/// <summary>
/// Masks a JSON document that arrives in fragments (the arguments of a streamed tool call) so that the reassembled
/// document is still valid JSON with the same structure: only the contents of string values are masked.
/// </summary>
/// <remarks>
/// Each string is decoded (escapes resolved), masked by its own <see cref="StreamingRedactor"/> and re-encoded with
/// JSON escaping, so no replacement or kept character can break the document. The key of a value is given to the
/// value's redactor as left context, so that <c>"password": "..."</c> is recognised as in plain text. Text outside
/// strings (numbers, literals, punctuation) passes through unchanged. Findings' offsets are those of the string's
/// first character in the document (escapes make inner offsets ambiguous).
/// </remarks>
public sealed class JsonArgumentsRedactor : IDisposable
{
    private const int KeyContextLength = 64;

    private readonly MaskingEngine _engine;
    private readonly JsonStringDecoder _decoder = new();
    private readonly ArrayBufferWriter<char> _decoded = new();
    private readonly ArrayBufferWriter<char> _masked = new();
    private readonly List<Finding> _findings = [];
    private readonly System.Text.StringBuilder _lastString = new();
    private StreamingRedactor? _current;
    private string _lastKey = "";
    private bool _afterColon;
    private long _offset;
    private long _stringStart;

    /// <summary>Starts masking one document.</summary>
    public JsonArgumentsRedactor(MaskingEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
    }

    /// <summary>What has been found so far.</summary>
    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>Adds a fragment and writes the masked JSON text that is safe to release.</summary>
    public void Push(ReadOnlySpan<char> fragment, IBufferWriter<char> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        foreach (var c in fragment)
        {
            if (_current is null)
            {
                Outside(c, output);
            }
            else if (_decoder.Feed(c, _decoded))
            {
                FlushDecoded(output);
                EndString(output);
            }

            _offset++;
        }

        FlushDecoded(output);
    }

    /// <summary>Adds a fragment and returns the masked JSON text that is safe to release.</summary>
    public string Push(string fragment)
    {
        var output = new ArrayBufferWriter<char>(fragment.Length + 32);
        Push(fragment.AsSpan(), output);
        return output.WrittenSpan.ToString();
    }

    /// <summary>Ends the document and returns the rest: an unterminated string's held text, masked.</summary>
    public string Flush()
    {
        var output = new ArrayBufferWriter<char>();
        Flush(output);
        return output.WrittenSpan.ToString();
    }

    /// <summary>Ends the document and writes the rest: an unterminated string's held text, masked.</summary>
    public void Flush(IBufferWriter<char> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (_current is not null)
        {
            _current.Flush(_masked);
            Collect();
            JsonEscaper.Write(_masked.WrittenSpan, output);
            _masked.Clear();
            _current.Dispose();
            _current = null;
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _current?.Dispose();

    private void Outside(char c, IBufferWriter<char> output)
    {
        output.Write([c]);
        switch (c)
        {
            case '"':
                _current = _engine.CreateStreamingRedactor();
                _stringStart = _offset + 1;
                _lastString.Clear();
                if (_afterColon && _lastKey.Length > 0)
                {
                    _current.PushContext("\"" + _lastKey + "\": \"");
                }

                break;
            case ':':
                _afterColon = true;
                _lastKey = _lastString.ToString();
                break;
            case ',' or '{' or '[' or '}' or ']':
                _afterColon = false;
                break;
        }
    }

    private void FlushDecoded(IBufferWriter<char> output)
    {
        if (_current is null || _decoded.WrittenCount == 0)
        {
            return;
        }

        var decoded = _decoded.WrittenSpan;
        if (_lastString.Length < KeyContextLength)
        {
            _lastString.Append(decoded[..Math.Min(decoded.Length, KeyContextLength - _lastString.Length)]);
        }

        _current.Push(decoded, _masked);
        _decoded.Clear();
        JsonEscaper.Write(_masked.WrittenSpan, output);
        _masked.Clear();
    }

    private void EndString(IBufferWriter<char> output)
    {
        _current!.Flush(_masked);
        Collect();
        JsonEscaper.Write(_masked.WrittenSpan, output);
        _masked.Clear();
        output.Write("\"");
        _current.Dispose();
        _current = null;
        _afterColon = false;
    }

    private void Collect()
    {
        foreach (var finding in _current!.Findings)
        {
            _findings.Add(finding with { Offset = checked((int)_stringStart) });
        }
    }
}
