using System.Buffers;
using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites a complete JSON response: buffered up to a bound, rewritten whole, released at the end.</summary>
/// <remarks>
/// When it keeps its parse, the document it rewrote (over its own buffer of the upstream's bytes) and the masked
/// strings stay readable through <see cref="TryGetParse"/> until it is disposed, so that the body reader reads the body
/// from this one parse instead of parsing the rewritten bytes again.
/// </remarks>
internal sealed class JsonResponseRewriter : IResponseRewriter
{
    private readonly BodyRewrite _rewrite;
    private readonly TextFields _fields;
    private readonly PooledByteBuffer _body;
    private readonly bool _keepsParse;
    private List<TextEdit>? _texts;
    private JsonDocument? _kept;
    private bool _completed;

    public JsonResponseRewriter(
        BodyRewrite rewrite, ITextRewriter rewriter, int maxBodyBytes, Func<string, JsonElement, bool>? toolFilter = null, bool keepsParse = false)
    {
        _rewrite = rewrite;
        _fields = new TextFields(rewriter, keepReleased: false) { ToolFilter = toolFilter };
        _body = new PooledByteBuffer(maxBodyBytes);
        _keepsParse = keepsParse;
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
        var document = JsonBody.TryParse(_body.Memory, out var error);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            Error = $"response body {error ?? "is not a JSON object"}";
            document?.Dispose();
            _body.Release();
            return;
        }

        _fields.Edits.Reset(_body.Memory);
        _rewrite(document.RootElement, _fields);
        output.Write(_fields.Edits.Apply());
        if (_keepsParse)
        {
            _texts = [];
            _fields.Edits.CopyTexts(_texts);
            _kept = document;
            return;
        }

        document.Dispose();
        _body.Release();
    }

    /// <summary>
    /// Gets the body's one parse and its strings as masked, once <see cref="Complete"/> has rewritten it and when this
    /// rewriter keeps its parse; valid until <see cref="Dispose"/>.
    /// </summary>
    public bool TryGetParse(out JsonElement root, out EditedStrings strings)
    {
        if (_kept is null || Error is not null)
        {
            root = default;
            strings = default;
            return false;
        }

        root = _kept.RootElement;
        strings = new EditedStrings(_body.Memory, _texts!, 0, _texts!.Count);
        return true;
    }

    public void Dispose()
    {
        _kept?.Dispose();
        _kept = null;
        _body.Release();
    }
}
