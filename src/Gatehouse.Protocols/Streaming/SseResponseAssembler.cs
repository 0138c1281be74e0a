using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Streaming;

/// <summary>Assembles a streamed response: SSE parser, then the API's event reader, then the summary.</summary>
internal sealed class SseResponseAssembler : IResponseAssembler
{
    private readonly SseParser _parser = new();
    private readonly IStreamEventReader _reader;
    private readonly SummaryBuilder _summary;
    private readonly List<StreamDelta> _deltas = [];
    private ResponseSummary? _result;
    private bool _faulted;

    public SseResponseAssembler(IStreamEventReader reader, int maxTextChars)
    {
        _reader = reader;
        _summary = new SummaryBuilder(maxTextChars);
    }

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (_faulted || _result is not null)
        {
            return;
        }

        while (_parser.TryReadEvent(ref chunk, out var sseEvent))
        {
            _reader.Read(sseEvent, _deltas);
            foreach (var delta in _deltas)
            {
                _summary.Apply(delta);
            }

            _deltas.Clear();
        }

        if (_parser.Error is { } error)
        {
            _faulted = true;
            _summary.Fail(error);
            _parser.Dispose();
        }
    }

    public ResponseSummary Complete(bool complete)
    {
        if (_result is not null)
        {
            return _result;
        }

        if (!complete)
        {
            _summary.Fail("stream ended before its final event");
        }

        _parser.Dispose();
        _result = _summary.Build(requireCompletion: true);
        return _result;
    }
}
