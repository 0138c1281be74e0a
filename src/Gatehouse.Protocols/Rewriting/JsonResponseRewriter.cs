using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites a complete JSON response: buffered up to a bound, rewritten whole, released at the end.</summary>
internal sealed class JsonResponseRewriter : IResponseRewriter
{
    private readonly BodyRewrite _rewrite;
    private readonly TextFields _fields;
    private readonly PooledByteBuffer _body;
    private bool _completed;

    public JsonResponseRewriter(BodyRewrite rewrite, ITextRewriter rewriter, int maxBodyBytes, Func<string, JsonElement, bool>? toolFilter = null)
    {
        _rewrite = rewrite;
        _fields = new TextFields(rewriter, keepReleased: false) { ToolFilter = toolFilter };
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
        using (var document = JsonBody.TryParse(_body.Memory, out var error))
        {
            if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
            {
                Error = $"response body {error ?? "is not a JSON object"}";
            }
            else
            {
                _fields.Edits.Reset(_body.Memory);
                _rewrite(document.RootElement, _fields);
                output.Write(_fields.Edits.Apply());
            }
        }

        _body.Release();
    }

    public void Dispose() => _body.Release();
}
