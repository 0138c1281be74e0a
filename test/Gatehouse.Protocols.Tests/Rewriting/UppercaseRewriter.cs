using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>Uppercases all text; with <c>holdAll</c> it releases nothing until a channel is flushed.</summary>
internal sealed class UppercaseRewriter(bool holdAll) : ITextRewriter
{
    private readonly Dictionary<TextChannel, string> _held = [];

    public List<TextChannel> Flushed { get; } = [];

    public List<TextChannel> RewrittenWhole { get; } = [];

    public string Push(TextChannel channel, string delta)
    {
        if (!holdAll)
        {
            return delta.ToUpperInvariant();
        }

        _held[channel] = _held.GetValueOrDefault(channel, "") + delta;
        return "";
    }

    public string Flush(TextChannel channel)
    {
        Flushed.Add(channel);
        var rest = _held.GetValueOrDefault(channel, "");
        _held.Remove(channel);
        return rest.ToUpperInvariant();
    }

    public string RewriteWhole(TextChannel channel, string text)
    {
        RewrittenWhole.Add(channel);
        return text.ToUpperInvariant();
    }
}
