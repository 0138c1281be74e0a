using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>Replaces one secret by <c>[MASKED:x]</c>, holding back a channel's tail while it could start the secret.</summary>
internal sealed class SecretRewriter(params string[] secrets) : ITextRewriter
{
    public const string Mask = "[MASKED:x]";
    private readonly Dictionary<TextChannel, string> _pending = [];

    public string Push(TextChannel channel, string delta)
    {
        var pending = Replace(_pending.GetValueOrDefault(channel, "") + delta);
        var held = HeldTail(pending);
        _pending[channel] = pending[^held..];
        return pending[..^held];
    }

    public string Flush(TextChannel channel)
    {
        var rest = _pending.GetValueOrDefault(channel, "");
        _pending.Remove(channel);
        return rest;
    }

    public string RewriteWhole(TextChannel channel, string text) => Replace(text);

    private string Replace(string text)
        => secrets.Aggregate(text, (current, secret) => current.Replace(secret, Mask, StringComparison.Ordinal));

    // The longest tail that is a proper prefix of a secret: it may yet become one.
    private int HeldTail(string text)
    {
        var longest = 0;
        foreach (var secret in secrets)
        {
            for (var length = Math.Min(secret.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(secret.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
