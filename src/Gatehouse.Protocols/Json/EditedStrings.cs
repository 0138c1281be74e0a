using System.Runtime.InteropServices;
using System.Text.Json;

namespace Gatehouse.Protocols.Json;

/// <summary>
/// Reads the strings of a parsed document as masking left them: a string masking replaced reads as its replacement,
/// any other as written. The default instance has no edits and reads every string as written.
/// </summary>
/// <remarks>
/// This is how an event's one parse serves both the rewriter and the readers: the readers take the masked strings
/// from the rewriter's <see cref="JsonEdits"/> rather than parsing the rewritten bytes again. Edits that replace a
/// whole value with a literal (dropped log probabilities) are not seen here, so a reader must not read inside such a
/// value; none does.
/// </remarks>
internal readonly struct EditedStrings
{
    private readonly List<TextEdit>? _edits;
    private readonly int _first;
    private readonly int _count;
    private readonly ReadOnlyMemory<byte> _source;

    /// <summary>Creates the view of edits <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> of <paramref name="edits"/>, made to the document parsed from <paramref name="source"/>.</summary>
    public EditedStrings(ReadOnlyMemory<byte> source, List<TextEdit> edits, int first, int count)
    {
        _source = source;
        _edits = edits;
        _first = first;
        _count = count;
    }

    /// <summary>Returns <paramref name="parent"/>'s string member <paramref name="name"/> as edited, or null when it has no such string.</summary>
    public string? String(JsonElement parent, ReadOnlySpan<byte> name)
        => parent.Property(name, JsonValueKind.String) is { } value ? Text(value) : null;

    /// <summary>Returns <paramref name="parent"/>'s string member <paramref name="name"/> as edited, or null when there is no parent or no such string.</summary>
    public string? String(JsonElement? parent, ReadOnlySpan<byte> name) => parent is { } value ? String(value, name) : null;

    /// <summary>Returns the string value <paramref name="value"/> as edited.</summary>
    public string Text(JsonElement value)
    {
        if (_count > 0)
        {
            var start = JsonEdits.Offset(_source.Span, JsonMarshal.GetRawUtf8Value(value)) + 1;
            for (var i = _first; i < _first + _count; i++)
            {
                if (_edits![i].Start == start)
                {
                    return _edits[i].Text;
                }
            }
        }

        return value.GetString()!;
    }
}
