using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Json;

/// <summary>
/// Edits to one parsed JSON document, spliced into the bytes it was parsed from: a string value replaced between its
/// quotes, or a whole value replaced by a literal. Everything not edited is copied as it was written.
/// </summary>
/// <remarks>
/// The response rewriters read each event (or body) through its one <see cref="JsonDocument"/> and record here what
/// changes, so a masked event is neither parsed into a second model nor written again member by member. A replacement
/// is escaped as the gateway's JSON writer escapes text (only what JSON requires). Editing a value twice keeps the
/// second edit, and <see cref="Text"/> reads a string as edited so far. One instance serves one rewriter, reset per
/// document.
/// </remarks>
internal sealed class JsonEdits
{
    private readonly List<Edit> _edits = [];
    private readonly List<TextEdit> _kept = [];
    private readonly ArrayBufferWriter<byte> _escaped = new(256);
    private readonly ArrayBufferWriter<byte> _output = new(1024);
    private readonly Utf8JsonWriter _writer;
    private ReadOnlyMemory<byte> _source;

    public JsonEdits()
    {
        _writer = new Utf8JsonWriter(_escaped, JsonOutput.WriterOptions);
    }

    /// <summary>Gets whether any value was edited since the last <see cref="Reset"/>.</summary>
    public bool Changed => _edits.Count > 0;

    /// <summary>Starts the edits of a document parsed from <paramref name="source"/>, which must not change meanwhile.</summary>
    public void Reset(ReadOnlyMemory<byte> source)
    {
        _source = source;
        _edits.Clear();
        _kept.Clear();
        _escaped.ResetWrittenCount();
    }

    /// <summary>Returns the text of a string value as edited so far, or null when <paramref name="value"/> is not a string.</summary>
    public string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var index = Find(Offset(JsonMarshal.GetRawUtf8Value(value)) + 1);
        return index >= 0 ? _edits[index].Text : value.GetString();
    }

    /// <summary>Replaces the string value <paramref name="value"/> with <paramref name="text"/>; returns whether its text changed.</summary>
    /// <param name="value">A string value of the document.</param>
    /// <param name="text">Its new text.</param>
    /// <param name="current">Its text as edited so far when the caller has just read it (<see cref="Text"/>), so that it is
    /// not decoded again; a string left unchanged keeps it for the readers (<see cref="CopyTexts"/>).</param>
    public bool SetText(JsonElement value, string text, string? current = null)
    {
        var quoted = JsonMarshal.GetRawUtf8Value(value);
        var start = Offset(quoted) + 1;
        current ??= Text(value);
        if (string.Equals(current, text, StringComparison.Ordinal))
        {
            if (current is not null && Find(start) < 0)
            {
                _kept.Add(new TextEdit(start, current, Changed: false));
            }

            return false;
        }

        var from = _escaped.WrittenCount;
        _writer.Reset();
        _writer.WriteStringValue(text);
        _writer.Flush();
        Put(new Edit(start, start + quoted.Length - 2, from + 1, _escaped.WrittenCount - from - 2, text));
        return true;
    }

    /// <summary>Replaces the whole of <paramref name="value"/> with the JSON literal <paramref name="literal"/> (such as <c>null</c> or <c>[]</c>).</summary>
    public void SetLiteral(JsonElement value, ReadOnlySpan<byte> literal)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        var start = Offset(raw);
        var from = _escaped.WrittenCount;
        _escaped.Write(literal);
        Put(new Edit(start, start + raw.Length, from, literal.Length, null));
    }

    /// <summary>Gets the bytes the document being edited was parsed from.</summary>
    public ReadOnlyMemory<byte> Source => _source;

    /// <summary>
    /// Appends each string edit (not the literals) to <paramref name="into"/>, then the strings masking read and left as
    /// they were (whose text the readers need not decode again); returns how many.
    /// </summary>
    public int CopyTexts(List<TextEdit> into)
    {
        var count = 0;
        foreach (var edit in _edits)
        {
            if (edit.Text is { } text)
            {
                into.Add(new TextEdit(edit.Start, text));
                count++;
            }
        }

        foreach (var kept in _kept)
        {
            if (Find(kept.Start) < 0)
            {
                into.Add(kept);
                count++;
            }
        }

        return count;
    }

    /// <summary>Returns the document with every edit spliced in; valid until the next call on this instance.</summary>
    public ReadOnlySpan<byte> Apply()
    {
        var source = _source.Span;
        if (_edits.Count == 0)
        {
            return source;
        }

        _edits.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        _output.ResetWrittenCount();
        var escaped = _escaped.WrittenSpan;
        var read = 0;
        foreach (var edit in _edits)
        {
            _output.Write(source[read..edit.Start]);
            _output.Write(escaped.Slice(edit.From, edit.Length));
            read = edit.End;
        }

        _output.Write(source[read..]);
        return _output.WrittenSpan;
    }

    private void Put(Edit edit)
    {
        var index = Find(edit.Start);
        if (index >= 0)
        {
            _edits[index] = edit;
        }
        else
        {
            _edits.Add(edit);
        }
    }

    private int Find(int start)
    {
        for (var i = 0; i < _edits.Count; i++)
        {
            if (_edits[i].Start == start)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns where <paramref name="token"/> (a value's raw bytes, as the document reads them) starts in <paramref name="source"/>.</summary>
    internal static int Offset(ReadOnlySpan<byte> source, ReadOnlySpan<byte> token)
    {
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(source), ref MemoryMarshal.GetReference(token));
        return offset >= 0 && offset + token.Length <= source.Length
            ? (int)offset
            : throw new InvalidOperationException("The JSON document does not read from the bytes being edited.");
    }

    private int Offset(ReadOnlySpan<byte> token) => Offset(_source.Span, token);

    private readonly record struct Edit(int Start, int End, int From, int Length, string? Text);
}
