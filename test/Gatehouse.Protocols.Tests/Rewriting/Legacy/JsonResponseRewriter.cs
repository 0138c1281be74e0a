// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Sse;
using System.Buffers;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites a complete JSON response: buffered up to a bound, rewritten whole, released at the end.</summary>
internal sealed class JsonResponseRewriter : IResponseRewriter
{
    private readonly BodyRewrite _rewrite;
    private readonly TextFields _fields;
    private readonly PooledByteBuffer _body;
    private bool _completed;

    public JsonResponseRewriter(BodyRewrite rewrite, ITextRewriter rewriter, int maxBodyBytes)
    {
        _rewrite = rewrite;
        _fields = new TextFields(rewriter, keepReleased: false);
        _body = new PooledByteBuffer(maxBodyBytes);
    }

    public string? Error { get; private set; }

    public int UnknownShapes => _fields.UnknownShapes;

    public void Append(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        if (Error is not null || _completed || _body.TryAppend(chunk))
        {
            return;
        }

        Error = $"response body exceeds {_body.MaxLength} bytes and was not rewritten";
        _body.Release();
    }

    public void Complete(IBufferWriter<byte> output)
    {
        if (Error is not null || _completed)
        {
            return;
        }

        _completed = true;
        var root = JsonNodes.TryParseObject(_body.Span, out var error);
        if (root is null)
        {
            Error = $"response body {error}";
        }
        else if (_rewrite(root, _fields))
        {
            JsonNodes.Write(root, output);
        }
        else
        {
            output.Write(_body.Span);
        }

        _body.Release();
    }

    public void Dispose() => _body.Release();
}
