using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Rewriting;

namespace Gatehouse.Protocols.Json;

/// <summary>
/// Rewrites every string of a parsed JSON body, property names included, by splicing the replacements into the body's
/// own bytes: everything the rewrite keeps (whitespace, numbers, literals, strings and their escapes) is copied as it
/// was written, and nothing is written at all when no string changes.
/// </summary>
/// <remarks>
/// <para>Each string is unescaped into one pooled buffer and handed to the rewrite as a span; a string the rewrite keeps
/// costs no allocation and no re-encoding. A replacement is escaped as the gateway's JSON writer escapes text (only what
/// JSON requires) and replaces the bytes between the original's quotes.</para>
/// <para>Property names go through the same rewrite as values, because an upstream reads them as text too. A rewritten
/// name that would equal another name of the same object gets the first free suffix <c>#2</c>, <c>#3</c>, ..., so the
/// body stays free of duplicate names and no member is lost; names left as they were keep priority. Within an object
/// the names are rewritten first, then the values, in document order.</para>
/// </remarks>
public sealed class JsonStringSplicer : IDisposable
{
    private readonly ReadOnlyMemory<byte> _body;
    private readonly JsonTextRewrite _rewrite;
    private readonly List<StringSplice> _splices = [];
    private char[] _chars;
    private int _used;

    private JsonStringSplicer(ReadOnlyMemory<byte> body, JsonTextRewrite rewrite)
    {
        _body = body;
        _rewrite = rewrite;
        _chars = ArrayPool<char>.Shared.Rent(256);
    }

    /// <summary>Rewrites the strings (values and property names) of <paramref name="json"/> with <paramref name="rewrite"/>.</summary>
    /// <returns>The rewritten body, or null when no string changed (forward <see cref="RequestJson.Body"/> as it is).</returns>
    public static byte[]? Rewrite(RequestJson json, JsonTextRewrite rewrite)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(rewrite);
        using var splicer = new JsonStringSplicer(json.Body, rewrite);
        splicer.Walk(json.Root);
        return splicer.Assemble();
    }

    /// <summary>
    /// Parses <paramref name="json"/> as strictly as a request body (<see cref="RequestJson.TryParse"/>) and rewrites its
    /// strings (values and property names) with <paramref name="rewrite"/>: the one rewrite of upstream error bodies and
    /// of bodies and events of no known shape.
    /// </summary>
    /// <returns>The rewritten document, or null: when no string changed (<paramref name="error"/> null; use
    /// <paramref name="json"/> as it is) or when it is not such a document (<paramref name="error"/> says why, such as
    /// <c>has duplicate property names</c>, never quoting it).</returns>
    public static byte[]? Rewrite(ReadOnlyMemory<byte> json, JsonTextRewrite rewrite, out string? error)
    {
        ArgumentNullException.ThrowIfNull(rewrite);
        using var parsed = RequestJson.TryParse(json, out error);
        return parsed is null ? null : Rewrite(parsed, rewrite);
    }

    /// <summary>Returns the pooled text buffer, cleared: it held prompt text.</summary>
    public void Dispose() => Return();

    private void Walk(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WalkNames(element);
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item);
                }

                break;
            case JsonValueKind.String:
                var quoted = JsonMarshal.GetRawUtf8Value(element);
                var start = Offset(quoted) + 1;
                if (RewriteText(start, quoted.Length - 2) is { } replaced)
                {
                    _splices.Add(new StringSplice(start, start + quoted.Length - 2, Escape(replaced)));
                }

                break;
            default:
                break;
        }
    }

    private void WalkNames(JsonElement element)
    {
        List<(int Index, int Start, int End, string Name)>? renamed = null;
        var index = 0;
        foreach (var property in element.EnumerateObject())
        {
            var name = JsonMarshal.GetRawUtf8PropertyName(property);
            var start = Offset(name);
            if (RewriteText(start, name.Length) is { } replaced)
            {
                (renamed ??= []).Add((index, start, start + name.Length, replaced));
            }

            index++;
        }

        if (renamed is null)
        {
            return;
        }

        // Rare: a name held something to mask. The object's names are read once more, as text, to keep them unique.
        var names = element.EnumerateObject().Select(p => p.Name).ToList();
        var taken = new HashSet<string>(names, StringComparer.Ordinal);
        foreach (var rename in renamed)
        {
            taken.Remove(names[rename.Index]);
        }

        foreach (var rename in renamed)
        {
            var candidate = rename.Name;
            for (var suffix = 2; !taken.Add(candidate); suffix++)
            {
                candidate = $"{rename.Name}#{suffix}";
            }

            _splices.Add(new StringSplice(rename.Start, rename.End, Escape(candidate)));
        }
    }

    // Unescapes the string whose bytes between the quotes are [start, start + length) and asks the rewrite about it.
    private string? RewriteText(int start, int length)
    {
        var raw = _body.Span.Slice(start, length);
        if (_chars.Length < length)
        {
            Return();
            _chars = ArrayPool<char>.Shared.Rent(length);
        }

        var count = raw.IndexOf((byte)'\\') < 0 ? Encoding.UTF8.GetChars(raw, _chars) : JsonText.Unescape(raw, _chars);
        _used = Math.Max(_used, count);
        var text = _chars.AsSpan(0, count);
        var replaced = _rewrite(text);
        return replaced is null || text.SequenceEqual(replaced) ? null : replaced;
    }

    // Clears only what held text: a rented array can be far longer than the longest string it was given.
    private void Return()
    {
        _chars.AsSpan(0, _used).Clear();
        _used = 0;
        ArrayPool<char>.Shared.Return(_chars);
    }

    private int Offset(ReadOnlySpan<byte> token)
    {
        var body = _body.Span;
        var offset = Unsafe.ByteOffset(ref MemoryMarshal.GetReference(body), ref MemoryMarshal.GetReference(token));
        return offset >= 0 && offset + token.Length <= body.Length
            ? (int)offset
            : throw new InvalidOperationException("The JSON document does not read from the body it was parsed from.");
    }

    private static byte[] Escape(string text)
    {
        var output = new ArrayBufferWriter<byte>(text.Length + 8);
        using (var writer = new Utf8JsonWriter(output, JsonOutput.WriterOptions))
        {
            writer.WriteStringValue(text);
        }

        return output.WrittenSpan[1..^1].ToArray();
    }

    private byte[]? Assemble()
    {
        if (_splices.Count == 0)
        {
            return null;
        }

        _splices.Sort((a, b) => a.Start.CompareTo(b.Start));
        var body = _body.Span;
        var length = body.Length;
        foreach (var splice in _splices)
        {
            length += splice.Bytes.Length - (splice.End - splice.Start);
        }

        var output = new byte[length];
        var read = 0;
        var written = 0;
        foreach (var splice in _splices)
        {
            body[read..splice.Start].CopyTo(output.AsSpan(written));
            written += splice.Start - read;
            splice.Bytes.CopyTo(output.AsSpan(written));
            written += splice.Bytes.Length;
            read = splice.End;
        }

        body[read..].CopyTo(output.AsSpan(written));
        return output;
    }
}
