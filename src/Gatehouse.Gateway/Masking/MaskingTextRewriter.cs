using Gatehouse.Audit.Records;
using Gatehouse.Masking;
using Gatehouse.Masking.Streaming;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Gateway.Masking;

/// <summary>
/// Masks one response's text channels for the protocol adapter's rewriter: a streaming redactor per text channel and a
/// JSON-arguments redactor per tool-call channel, so a secret split across events is held back until it can be masked
/// whole, and tool arguments stay valid JSON. Owned by one exchange; not thread-safe.
/// </summary>
internal sealed class MaskingTextRewriter : ITextRewriter, IDisposable
{
    private readonly MaskingEngine _engine;
    private readonly Dictionary<TextChannel, StreamingRedactor> _text = [];
    private readonly Dictionary<TextChannel, JsonArgumentsRedactor> _arguments = [];
    private readonly List<AuditFinding> _findings = [];

    public MaskingTextRewriter(MaskingEngine engine)
    {
        _engine = engine;
    }

    /// <summary>Gets the findings so far, from every channel (complete once the response has ended).</summary>
    public IReadOnlyList<AuditFinding> Findings => _findings;

    /// <summary>Gets a value indicating whether anything was found yet, flushed or still held in a channel.</summary>
    public bool FoundAny => _findings.Count > 0
        || _text.Values.Any(r => r.Findings.Count > 0)
        || _arguments.Values.Any(r => r.Findings.Count > 0);

    public string Push(TextChannel channel, string delta) => IsJson(channel)
        ? Arguments(channel).Push(delta)
        : Text(channel).Push(delta);

    public string Flush(TextChannel channel)
    {
        if (IsJson(channel))
        {
            if (!_arguments.Remove(channel, out var arguments))
            {
                return "";
            }

            var rest = arguments.Flush();
            Collect(arguments.Findings, channel);
            arguments.Dispose();
            return rest;
        }

        if (!_text.Remove(channel, out var text))
        {
            return "";
        }

        var tail = text.Flush();
        Collect(text.Findings, channel);
        text.Dispose();
        return tail;
    }

    public string RewriteWhole(TextChannel channel, string text)
    {
        if (IsJson(channel))
        {
            using var arguments = _engine.CreateJsonArgumentsRedactor();
            var masked = arguments.Push(text) + arguments.Flush();
            Collect(arguments.Findings, channel);
            return masked;
        }

        var result = _engine.Mask(text);
        Collect(result.Findings, channel);
        return result.TextOr(text);
    }

    /// <summary>Flushes every channel still open (a stream that ended without closing them) and discards the output.</summary>
    public void Dispose()
    {
        foreach (var channel in _text.Keys.Concat(_arguments.Keys).ToList())
        {
            Flush(channel);
        }
    }

    // Tool arguments are JSON text (fragments of it when streamed); tool input is free text or a string inside an object.
    private static bool IsJson(TextChannel channel) => channel.Kind is TextChannelKind.ToolArguments;

    private StreamingRedactor Text(TextChannel channel)
    {
        if (!_text.TryGetValue(channel, out var redactor))
        {
            redactor = _engine.CreateStreamingRedactor();
            _text[channel] = redactor;
        }

        return redactor;
    }

    private JsonArgumentsRedactor Arguments(TextChannel channel)
    {
        if (!_arguments.TryGetValue(channel, out var redactor))
        {
            redactor = _engine.CreateJsonArgumentsRedactor();
            _arguments[channel] = redactor;
        }

        return redactor;
    }

    private void Collect(IReadOnlyList<Finding> findings, TextChannel channel)
    {
        var field = channel.Kind switch
        {
            TextChannelKind.Content => "content",
            TextChannelKind.ToolArguments or TextChannelKind.ToolInput => "tool_arguments",
            _ => "reasoning",
        };
        foreach (var finding in findings)
        {
            _findings.Add(FindingNames.ToAudit(finding, "response", field));
        }
    }
}
