using System.Buffers;
using System.Text;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Rewriting.Generic;

/// <summary>
/// Rewrites a whole response body of no known shape: buffered up to a bound, then rewritten as one JSON document, as
/// JSON Lines (each line a document), or as plain text. A body that is none of these (binary, or text in another
/// encoding) cannot be masked, so it sets <see cref="Error"/> and nothing is released.
/// </summary>
internal sealed class GenericBodyRewriter : IResponseRewriter
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ITextRewriter _rewriter;
    private readonly TextChannel _channel = new(TextChannelKind.Content);
    private readonly JsonTextRewrite _rewrite;
    private readonly PooledByteBuffer _body;
    private bool _completed;

    public GenericBodyRewriter(ITextRewriter rewriter, int maxBodyBytes)
    {
        _rewriter = rewriter;
        _rewrite = text => text.IsEmpty ? null : Whole(text.ToString());
        _body = new PooledByteBuffer(maxBodyBytes);
    }

    public string? Error { get; private set; }

    public int UnknownShapes => 0;

    public void Append(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        if (Error is not null || _completed || _body.TryAppend(chunk))
        {
            return;
        }

        Error = $"response body exceeds {_body.MaxLength} bytes and was not masked";
        _body.Release();
    }

    public void Complete(IBufferWriter<byte> output)
    {
        if (Error is not null || _completed)
        {
            return;
        }

        _completed = true;
        var body = _body.Memory;
        if (!body.IsEmpty)
        {
            var rewritten = new ArrayBufferWriter<byte>(body.Length + 64);
            if (Json(body, rewritten) || JsonLines(body, rewritten) || Text(body.Span, rewritten))
            {
                output.Write(rewritten.WrittenSpan);
            }
            else
            {
                Error = "response body is neither JSON, JSON Lines nor UTF-8 text, so it cannot be masked";
            }
        }

        _body.Release();
    }

    public void Dispose() => _body.Release();

    private string Whole(string text) => text.Length == 0 ? text : _rewriter.RewriteWhole(_channel, text);

    // Writes the document with its strings rewritten (or as it is when none changed); false when it is not one.
    private bool Json(ReadOnlyMemory<byte> json, ArrayBufferWriter<byte> output)
    {
        var rewritten = JsonStringSplicer.Rewrite(json, _rewrite, out var error);
        if (error is not null)
        {
            return false;
        }

        output.Write(rewritten ?? json.Span);
        return true;
    }

    private bool JsonLines(ReadOnlyMemory<byte> body, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        while (!body.IsEmpty)
        {
            var end = body.Span.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            var content = line[..line.Span.TrimEnd((byte)'\r').Length];
            if (!content.Span.Trim(" \t"u8).IsEmpty && !Json(content, output))
            {
                return false;
            }

            output.Write(line.Span[content.Length..]);
            if (end < 0)
            {
                break;
            }

            output.Write("\n"u8);
            body = body[(end + 1)..];
        }

        return true;
    }

    private bool Text(ReadOnlySpan<byte> body, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        string text;
        try
        {
            text = Strict.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        output.Write(Encoding.UTF8.GetBytes(Whole(text)));
        return true;
    }
}
