using System.Text;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>The channels of one response: which are open, and (when asked) what each has released so far.</summary>
/// <remarks>
/// APIs that repeat a channel's whole text at its end (OpenAI Responses) must repeat what was released, not what the
/// upstream sent, so those keep the released text; the others keep nothing.
/// </remarks>
internal sealed class ChannelLedger
{
    private readonly ITextRewriter _rewriter;
    private readonly List<TextChannel> _open = [];
    private readonly Dictionary<TextChannel, StringBuilder>? _released;

    public ChannelLedger(ITextRewriter rewriter, bool keepReleased)
    {
        _rewriter = rewriter;
        _released = keepReleased ? [] : null;
    }

    /// <summary>Gets the open channels, in the order they opened.</summary>
    public IReadOnlyList<TextChannel> Open => _open;

    public string Push(TextChannel channel, string delta)
    {
        if (!_open.Contains(channel))
        {
            _open.Add(channel);
        }

        return Record(channel, _rewriter.Push(channel, delta));
    }

    /// <summary>Ends <paramref name="channel"/> when it is open and returns the rest of its text; "" otherwise.</summary>
    public string Flush(TextChannel channel)
        => _open.Remove(channel) ? Record(channel, _rewriter.Flush(channel)) : "";

    /// <summary>Returns the rewritten form of a channel's whole text: what it released when it streamed, else the text rewritten whole.</summary>
    public string Whole(TextChannel channel, string text)
    {
        if (_released is not null && _released.TryGetValue(channel, out var released))
        {
            return released.ToString();
        }

        return text.Length == 0 ? text : _rewriter.RewriteWhole(channel, text);
    }

    private string Record(TextChannel channel, string released)
    {
        if (_released is null)
        {
            return released;
        }

        if (!_released.TryGetValue(channel, out var text))
        {
            text = new StringBuilder();
            _released.Add(channel, text);
        }

        text.Append(released);
        return released;
    }
}
