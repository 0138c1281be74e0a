using System.Buffers;
using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Json;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Rewriting.Generic;

/// <summary>
/// Rewrites an event stream of no known shape event by event: JSON data has every name and string rewritten whole and
/// spliced into the event's own bytes (<see cref="JsonStringSplicer"/>), any other data is rewritten whole as text. Event types and ids are kept.
/// </summary>
/// <remarks>
/// Without knowing the shape there are no channels, so a secret the upstream splits across two events is not joined
/// again; streams of the model APIs themselves go through their adapters, which do join them.
/// </remarks>
internal sealed class GenericStreamRewriter : StreamRewriter
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ArrayBufferWriter<byte> _data = new();
    private readonly TextChannel _channel = new(TextChannelKind.Content);
    private readonly ITextRewriter _rewriter;
    private readonly JsonTextRewrite _rewrite;

    public GenericStreamRewriter(ITextRewriter rewriter)
        : base(rewriter, keepReleased: false)
    {
        _rewriter = rewriter;
        _rewrite = text => text.IsEmpty ? null : Whole(text.ToString());
    }

    public override void Complete(SseEventWriter writer)
    {
    }

    protected override bool RewriteSpecial(SseEvent sseEvent, SseEventWriter writer)
    {
        _data.ResetWrittenCount();
        var data = sseEvent.Data;
        var json = JsonStringSplicer.Rewrite(data, _rewrite, out var notJson);
        if (notJson is null)
        {
            _data.Write(json ?? data.Span);
        }
        else
        {
            try
            {
                _data.Write(Encoding.UTF8.GetBytes(Whole(Strict.GetString(data.Span))));
            }
            catch (DecoderFallbackException)
            {
                Error = "malformed SSE event: data is not UTF-8 text";
                return true;
            }
        }

        writer.Write(sseEvent.EventType.Span, _data.WrittenSpan);
        return true;
    }

    protected override bool Rewrite(JsonElement data, SseEventWriter writer) => false;

    private string Whole(string text) => text.Length == 0 ? text : _rewriter.RewriteWhole(_channel, text);
}
