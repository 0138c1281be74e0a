using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Streaming;

/// <summary>Assembles a complete JSON response: buffered up to a bound, then read whole.</summary>
internal sealed class JsonResponseAssembler : IResponseAssembler
{
    private readonly IResponseBodyReader _reader;
    private readonly PooledByteBuffer _body;
    private readonly SummaryBuilder _summary;
    private ResponseSummary? _result;
    private bool _tooLarge;

    public JsonResponseAssembler(IResponseBodyReader reader, int maxTextChars, int maxBodyBytes)
    {
        _reader = reader;
        _summary = new SummaryBuilder(maxTextChars);
        _body = new PooledByteBuffer(maxBodyBytes);
    }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_tooLarge || _result is not null || _body.TryAppend(chunk))
        {
            return;
        }

        _tooLarge = true;
        _body.Release();
        _summary.Fail($"response body exceeds {_body.MaxLength} bytes and was not inspected");
    }

    public ResponseSummary Complete(bool complete)
    {
        if (_result is not null)
        {
            return _result;
        }

        if (!complete)
        {
            _summary.Fail("response body ended before it was complete");
        }
        else if (!_tooLarge)
        {
            Read();
        }

        _body.Release();
        _result = _summary.Build(requireCompletion: false);
        return _result;
    }

    private void Read()
    {
        using var document = JsonBody.TryParse(_body.Memory, out var error);
        if (document is null)
        {
            _summary.Fail($"response body {error}");
            return;
        }

        var deltas = new List<StreamDelta>();
        _reader.Read(document.RootElement, deltas);
        foreach (var delta in deltas)
        {
            _summary.Apply(delta);
        }
    }
}
