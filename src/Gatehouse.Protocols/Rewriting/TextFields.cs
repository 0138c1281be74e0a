using System.Text.Json;
using Gatehouse.Protocols.Json;

namespace Gatehouse.Protocols.Rewriting;

/// <summary>Rewrites text-bearing fields of parsed JSON through a response's channels, counting shapes it does not know.</summary>
/// <remarks>Fields are read from the event's (or body's) one parse; what changes is recorded in <see cref="Edits"/>.</remarks>
internal sealed class TextFields
{
    public TextFields(ITextRewriter rewriter, bool keepReleased)
    {
        Channels = new ChannelLedger(rewriter, keepReleased);
    }

    public ChannelLedger Channels { get; }

    /// <summary>Gets the edits to the document being rewritten.</summary>
    public JsonEdits Edits { get; } = new();

    /// <summary>Gets or sets which tools a listing may show (MCP <c>tools/list</c>), or null (the default) to show all.</summary>
    public Func<string, JsonElement, bool>? ToolFilter { get; set; }

    /// <summary>Gets or sets how many text-bearing fields or events had a shape that is not known.</summary>
    public int UnknownShapes { get; set; }

    /// <summary>Returns <paramref name="parent"/>'s member <paramref name="name"/>, or null when it has none (or is not an object).</summary>
    public static JsonElement? Member(JsonElement parent, string name)
        => parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) ? value : null;

    /// <summary>Returns <paramref name="parent"/>'s member <paramref name="name"/> when it is of <paramref name="kind"/>.</summary>
    public static JsonElement? Member(JsonElement parent, string name, JsonValueKind kind)
        => Member(parent, name) is { } value && value.ValueKind == kind ? value : null;

    /// <summary>Returns true when <paramref name="parent"/> has no member <paramref name="name"/> or it is JSON null.</summary>
    public static bool IsAbsent(JsonElement parent, string name)
        => Member(parent, name) is not { } value || value.ValueKind == JsonValueKind.Null;

    /// <summary>Returns the int member <paramref name="name"/> of <paramref name="parent"/>, or <paramref name="fallback"/>.</summary>
    public static int Int(JsonElement parent, string? name, int fallback = 0)
        => name is not null && Member(parent, name, JsonValueKind.Number) is { } number && number.TryGetInt32(out var value) ? value : fallback;

    /// <summary>Returns the string member <paramref name="name"/> of <paramref name="parent"/> as it was written, or null.</summary>
    public static string? String(JsonElement parent, string name) => Member(parent, name, JsonValueKind.String)?.GetString();

    /// <summary>Pushes the string at <paramref name="parent"/>'s <paramref name="name"/> through <paramref name="channel"/>.</summary>
    /// <returns>Whether the value changed; a value that is neither a string nor null counts as an unknown shape.</returns>
    public bool Push(JsonElement parent, string name, TextChannel channel)
        => Text(parent, name) is { } value && Edits.Text(value) is { } current && Edits.SetText(value, Channels.Push(channel, current), current);

    /// <summary>Replaces a channel's whole text at <paramref name="parent"/>'s <paramref name="name"/> with its rewritten form.</summary>
    public bool Whole(JsonElement parent, string name, TextChannel channel)
        => Text(parent, name) is { } value && Edits.Text(value) is { } current && Edits.SetText(value, Channels.Whole(channel, current), current);

    /// <summary>Rewrites every string value inside <paramref name="parent"/>'s <paramref name="name"/> whole, each as plain text (a tool input object).</summary>
    public bool WholeStrings(JsonElement parent, string name, TextChannel channel)
        => Member(parent, name) is { } node && WholeStrings(node, channel);

    private bool WholeStrings(JsonElement node, TextChannel channel)
    {
        var changed = false;
        switch (node.ValueKind)
        {
            case JsonValueKind.String:
                var current = Edits.Text(node)!;
                return Edits.SetText(node, Channels.Whole(channel, current), current);
            case JsonValueKind.Object:
                foreach (var property in node.EnumerateObject())
                {
                    changed |= WholeStrings(property.Value, channel);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray())
                {
                    changed |= WholeStrings(item, channel);
                }

                break;
            default:
                break;
        }

        return changed;
    }

    private JsonElement? Text(JsonElement parent, string name)
    {
        if (Member(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value;
        }

        if (value.ValueKind != JsonValueKind.Null)
        {
            UnknownShapes++;
        }

        return null;
    }
}
