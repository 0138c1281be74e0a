using System.Buffers;
using System.Text;
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
    private readonly Func<string, string> _rewrite;
    private readonly PooledByteBuffer _body;
    private bool _completed;

    public GenericBodyRewriter(ITextRewriter rewriter, int maxBodyBytes)
    {
        var channel = new TextChannel(TextChannelKind.Content);
        _rewrite = text => text.Length == 0 ? text : rewriter.RewriteWhole(channel, text);
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
        var body = _body.Span;
        if (!body.IsEmpty)
        {
            var rewritten = new ArrayBufferWriter<byte>(body.Length + 64);
            if (JsonTextRewriter.Rewrite(body, _rewrite, rewritten) is null || JsonLines(body, rewritten) || Text(body, rewritten))
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

    private bool JsonLines(ReadOnlySpan<byte> body, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        while (!body.IsEmpty)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            var content = line.TrimEnd((byte)'\r');
            if (!content.Trim(" \t"u8).IsEmpty && JsonTextRewriter.Rewrite(content, _rewrite, output) is not null)
            {
                return false;
            }

            output.Write(line[content.Length..]);
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

        output.Write(Encoding.UTF8.GetBytes(_rewrite(text)));
        return true;
    }
}
