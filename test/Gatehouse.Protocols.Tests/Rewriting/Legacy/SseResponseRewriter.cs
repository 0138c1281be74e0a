// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;
using System.Buffers;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites an event stream: SSE parser, then the API's stream rewriter, then the event writer.</summary>
/// <remarks>With a sink, rewritten events go to it whole and the byte outputs given to Append and Complete stay empty.</remarks>
internal sealed class SseResponseRewriter : IResponseRewriter
{
    private readonly SseParser _parser = new();
    private readonly StreamRewriter _rewriter;
    private readonly SseEventWriter _writer = new();
    private long _writtenComments;
    private bool _completed;

    public SseResponseRewriter(StreamRewriter rewriter, ISseEventSink? sink = null)
    {
        _rewriter = rewriter;
        _writer.Sink = sink;
    }

    public string? Error { get; private set; }

    public int UnknownShapes => _rewriter.UnknownShapes;

    public void Append(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        if (Error is not null || _completed)
        {
            return;
        }

        _writer.Output = output;
        while (_parser.TryReadEvent(ref chunk, out var sseEvent))
        {
            WriteComments();
            _writer.LastEventId = sseEvent.LastEventId;
            _rewriter.Rewrite(sseEvent, _writer);
            if (Fault(_rewriter.Error))
            {
                return;
            }
        }

        if (!Fault(_parser.Error))
        {
            WriteComments();
        }
    }

    public void Complete(IBufferWriter<byte> output)
    {
        if (Error is not null || _completed)
        {
            return;
        }

        _completed = true;
        _writer.Output = output;
        _rewriter.Complete(_writer);
        Fault(_rewriter.Error);
        _parser.Dispose();
    }

    public void Dispose() => _parser.Dispose();

    private void WriteComments()
    {
        for (; _writtenComments < _parser.Comments; _writtenComments++)
        {
            _writer.Comment();
        }
    }

    private bool Fault(string? error)
    {
        if (error is null)
        {
            return false;
        }

        Error = error;
        _parser.Dispose();
        return true;
    }
}
