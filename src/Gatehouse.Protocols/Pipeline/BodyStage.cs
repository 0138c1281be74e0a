using System.Buffers;
using Gatehouse.Protocols.Holding;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Pipeline;

/// <summary>
/// The stages of a whole (not streamed) JSON response after masking: the body is buffered (bounded) and parsed once
/// when it ends; the hold judges and the capture records the same deltas.
/// </summary>
internal sealed class BodyStage : IDisposable
{
    private readonly IResponseBodyReader _reader;
    private readonly SummaryBuilder _capture;
    private readonly PooledByteBuffer _body;
    private readonly ResponseHoldBuffer? _hold;
    private readonly List<StreamDelta> _deltas = [];
    private ResponseSummary? _result;
    private string? _readError;
    private bool _tooLarge;
    private bool _read;

    public BodyStage(IResponseBodyReader reader, int maxTextChars, int maxBodyBytes, ResponseHoldBuffer? hold)
    {
        _reader = reader;
        _capture = new SummaryBuilder(maxTextChars);
        _body = new PooledByteBuffer(maxBodyBytes);
        _hold = hold;
    }

    public ResponseHoldBuffer? Hold => _hold;

    public void Append(ReadOnlySpan<byte> bytes, IBufferWriter<byte> client)
    {
        if (!_tooLarge && !_body.TryAppend(bytes))
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

    private void Parse()
    {
        if (_read)
        {
            return;
        }

        _read = true;
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
