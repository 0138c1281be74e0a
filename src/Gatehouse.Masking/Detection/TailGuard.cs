using System.Buffers;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// Rules whose match may start up to <paramref name="Before"/> characters before their keyword, over
/// <paramref name="Chars"/> only (null: any character).
/// </summary>
internal sealed record TailGuard(SearchValues<char>? Chars, int Before)
{
    /// <summary>The earliest offset of the text's end that a keyword arriving next could make part of a match.</summary>
    public int PendingFrom(ReadOnlySpan<char> text)
    {
        var k = text.Length;
        while (k > 0 && text.Length - k < Before && (Chars is null || Chars.Contains(text[k - 1])))
        {
            k--;
        }

        return k;
    }
}
