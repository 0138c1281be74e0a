using System.Buffers;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Pipeline;

/// <summary>
/// The stages of a whole (not streamed) JSON response after masking: the body is read once when it ends, and the hold
/// judges and the capture records the same deltas.
/// </summary>
/// <remarks>
/// A masked body was parsed by its rewriter, which keeps that parse: the stage reads it with the masked strings and
/// neither copies nor parses the rewritten bytes. Otherwise the stage buffers the body (bounded) and parses it.
/// </remarks>
internal sealed class BodyStage : IDisposable
{
    private readonly IResponseBodyReader _reader;
    private readonly JsonResponseRewriter? _parsedBy;
    private readonly SummaryBuilder _capture;
    private readonly PooledByteBuffer _body;
    private readonly ResponseHoldBuffer? _hold;
    private readonly List<StreamDelta> _deltas = [];
    private ResponseSummary? _result;
    private string? _readError;
    private int _length;
    private bool _tooLarge;
    private bool _read;

    // parsedBy: the body's rewriter when it keeps its parse for reader (a JsonBodyReader), else null.
    public BodyStage(IResponseBodyReader reader, int maxTextChars, int maxBodyBytes, ResponseHoldBuffer? hold, JsonResponseRewriter? parsedBy = null)
    {
        _reader = reader;
        _parsedBy = parsedBy is not null && reader is JsonBodyReader ? parsedBy : null;
        _capture = new SummaryBuilder(maxTextChars);
        _body = new PooledByteBuffer(maxBodyBytes);
        _hold = hold;
    }

    public ResponseHoldBuffer? Hold => _hold;

    public void Append(ReadOnlySpan<byte> bytes, IBufferWriter<byte> client)
    {
        if (!_tooLarge && !Keep(bytes))
        {
            _tooLarge = true;
            _body.Release();
            _capture.Fail($"response body exceeds {_body.MaxLength} bytes and was not inspected");
        }

        if (_hold is null)
        {
            client.Write(bytes);
        }
        else
        {
            _hold.HoldBody(bytes);
        }
    }

    /// <summary>Ends the upstream's body: parses it once, for the hold now and the capture later.</summary>
    public ResponseSummary? End()
    {
        if (_hold is null)
        {
            return null;
        }

        Parse();
        return _hold.EndBody(_readError, _deltas);
    }

    public ResponseSummary Summarise(bool complete)
    {
        if (_result is not null)
        {
            return _result;
        }

        if (!complete)
        {
            _capture.Fail("response body ended before it was complete");
        }
        else if (!_tooLarge)
        {
            Parse();
            if (_readError is not null)
            {
                _capture.Fail(_readError);
            }

            foreach (var delta in _deltas)
            {
                _capture.Apply(delta);
            }
        }

        _body.Release();
        _result = _capture.Build(requireCompletion: false);
        return _result;
    }

    public void Dispose()
    {
        _body.Release();
        _hold?.Dispose();
    }

    // Buffers the body to parse it, or, when the rewriter's parse is read instead, counts it against the same bound.
    private bool Keep(ReadOnlySpan<byte> bytes)
    {
        if (_parsedBy is null)
        {
            return _body.TryAppend(bytes);
        }

        if (bytes.Length > _body.MaxLength - _length)
        {
            return false;
        }

        _length += bytes.Length;
        return true;
    }

    private void Parse()
    {
        if (_read)
        {
            return;
        }

        _read = true;
        if ((!_tooLarge || _hold is { Error: null }) && _parsedBy is not null && _parsedBy.TryGetParse(out var root, out var strings))
        {
            ((JsonBodyReader)_reader).ReadParsed(root, strings, _deltas);
            return;
        }

        var body = !_tooLarge ? _body.Memory : _hold is { Error: null } ? _hold.Held : ReadOnlyMemory<byte>.Empty;
        using var document = JsonBody.TryParse(body, out var error);
        if (document is null)
        {
            _readError = $"response body {error}";
            return;
        }

        _reader.Read(document.RootElement, _deltas);
    }
}
