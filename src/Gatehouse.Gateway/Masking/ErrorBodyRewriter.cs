using System.Buffers;
using System.Text;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// Masks an upstream error body (status 400 and above) whole: every string of a JSON body, spliced into the body's own
/// bytes (<see cref="JsonStringSplicer"/>), or the whole text of any other body. Buffered up to <see cref="MaxBytes"/>; a larger body is not released (fail closed).
/// </summary>
/// <remarks>
/// Error bodies have no protocol shape the adapter's rewriter knows (<c>error.message</c> is not a response text
/// field), yet upstreams echo prompts, keys and internal details in them; they are masked like any other text.
/// </remarks>
internal sealed class ErrorBodyRewriter(ITextRewriter rewriter) : IResponseRewriter
{
    public const int MaxBytes = 1 << 20;

    private static readonly TextChannel Channel = new(TextChannelKind.Content);
    private readonly ArrayBufferWriter<byte> _body = new();
    private bool _completed;

    public string? Error { get; private set; }

    public int UnknownShapes => 0;

    public void Append(ReadOnlySpan<byte> chunk, IBufferWriter<byte> output)
    {
        if (Error is not null || _completed)
        {
            return;
        }

        if (chunk.Length > MaxBytes - _body.WrittenCount)
        {
            Error = $"error body exceeds {MaxBytes} bytes and was not masked";
            _body.Clear();
            return;
        }

        _body.Write(chunk);
    }

    public void Complete(IBufferWriter<byte> output)
    {
        if (Error is not null || _completed)
        {
            return;
        }

        _completed = true;
        var body = _body.WrittenMemory;
        var json = JsonStringSplicer.Rewrite(body, text => rewriter.RewriteWhole(Channel, text.ToString()), out var error);
        if (error is null)
        {
            output.Write(json ?? body.Span);
            return;
        }

        var text = Encoding.UTF8.GetString(body.Span);
        output.Write(Encoding.UTF8.GetBytes(rewriter.RewriteWhole(Channel, text)));
    }

    public void Dispose() => _body.Clear();
}
