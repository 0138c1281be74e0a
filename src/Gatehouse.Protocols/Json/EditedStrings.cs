using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

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

    /// <summary>
    /// Returns the JSON text of <paramref name="value"/> (an object, such as a tool call's input) as the rewritten bytes
    /// hold it: the upstream's bytes with each edited string inside it escaped as <see cref="JsonEdits"/> writes it.
    /// </summary>
    public string RawText(JsonElement value)
    {
        if (_count == 0)
        {
            return value.GetRawText();
        }

        var source = _source.Span;
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var start = JsonEdits.Offset(source, raw);
        var end = start + raw.Length;
        List<TextEdit>? inside = null;
        for (var i = _first; i < _first + _count; i++)
        {
            if (_edits![i].Changed && _edits[i].Start > start && _edits[i].Start < end)
            {
                (inside ??= []).Add(_edits[i]);
            }
        }

        if (inside is null)
        {
            return value.GetRawText();
        }

        inside.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var output = new ArrayBufferWriter<byte>(raw.Length + 64);
        var escaped = new ArrayBufferWriter<byte>(64);
        using var writer = new Utf8JsonWriter(escaped, JsonOutput.WriterOptions);
        var read = start;
        foreach (var edit in inside)
        {
            output.Write(source[read..edit.Start]);
            escaped.ResetWrittenCount();
            writer.Reset();
            writer.WriteStringValue(edit.Text);
            writer.Flush();
            output.Write(escaped.WrittenSpan[1..^1]);
            read = ClosingQuote(source, edit.Start);
        }

        output.Write(source[read..end]);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    // The offset of the quote that ends the string whose text starts at start (the document parsed, so it is there).
    private static int ClosingQuote(ReadOnlySpan<byte> source, int start)
    {
        var i = start;
        while (source[i] != (byte)'"')
        {
            i += source[i] == (byte)'\\' ? 2 : 1;
        }

        return i;
    }
}
