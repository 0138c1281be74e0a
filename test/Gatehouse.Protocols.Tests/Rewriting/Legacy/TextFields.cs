// Frozen reference: the JsonNode response rewriters as they were before masking spliced into the pipeline's parse.
// Kept only to prove the splicing rewriters write the same bytes; not used by the product.
using Gatehouse.Protocols.Rewriting;
using System.Text.Json.Nodes;

namespace Gatehouse.Protocols.Tests.Rewriting.Legacy;

/// <summary>Rewrites text-bearing fields of parsed JSON through a response's channels, counting shapes it does not know.</summary>
internal sealed class TextFields
{
    public TextFields(ITextRewriter rewriter, bool keepReleased)
    {
        Channels = new ChannelLedger(rewriter, keepReleased);
    }

    public ChannelLedger Channels { get; }

    /// <summary>Gets or sets how many text-bearing fields or events had a shape that is not known.</summary>
    public int UnknownShapes { get; set; }

    /// <summary>Pushes the string at <paramref name="parent"/>'s <paramref name="name"/> through <paramref name="channel"/>.</summary>
    /// <returns>Whether the value changed; a value that is neither a string nor null counts as an unknown shape.</returns>
    public bool Push(JsonObject parent, string name, TextChannel channel)
        => Text(parent, name) is { } text && JsonNodes.SetText(parent, name, Channels.Push(channel, text));

    /// <summary>Replaces a channel's whole text at <paramref name="parent"/>'s <paramref name="name"/> with its rewritten form.</summary>
    public bool Whole(JsonObject parent, string name, TextChannel channel)
        => Text(parent, name) is { } text && JsonNodes.SetText(parent, name, Channels.Whole(channel, text));

    /// <summary>Rewrites every string value inside <paramref name="parent"/>'s <paramref name="name"/> whole, each as plain text (a tool input object).</summary>
    public bool WholeStrings(JsonObject parent, string name, TextChannel channel)
    {
        var node = parent[name];
        if (JsonNodes.Text(node) is { } text)
        {
            return JsonNodes.SetText(parent, name, Channels.Whole(channel, text));
        }

        return node is not null && RewriteStrings(node, channel);
    }

    private string? Text(JsonObject parent, string name)
    {
        var node = parent[name];
        if (JsonNodes.Text(node) is { } text)
        {
            return text;
        }

        if (!JsonNodes.IsAbsent(node))
        {
            UnknownShapes++;
        }

        return null;
    }

    private bool RewriteStrings(JsonNode node, TextChannel channel)
    {
        var changed = false;
        if (node is JsonObject obj)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                changed |= WholeStrings(obj, name, channel);
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (JsonNodes.Text(array[i]) is { } text)
                {
                    var rewritten = Channels.Whole(channel, text);
                    if (!string.Equals(rewritten, text, StringComparison.Ordinal))
                    {
                        array[i] = rewritten;
                        changed = true;
                    }
                }
                else if (array[i] is { } item)
                {
                    changed |= RewriteStrings(item, channel);
                }
            }
        }

        return changed;
    }
}
