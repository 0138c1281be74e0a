namespace Gatehouse.Masking.Detection;

/// <summary>
/// A superset prefilter for the keyword set: a position is a candidate when the (ASCII case-folded) character pair
/// starting there begins a keyword and, for longer keywords, the hashed three- and four-character prefixes do too. One table lookup per
/// character on clean text, whatever the number of keywords.
/// </summary>
/// <remarks>
/// Non-ASCII characters that case-fold to ASCII letters (long s, Kelvin sign, dotted and dotless i) fold to those
/// letters, so the filter never misses a position that a case-insensitive comparison would accept.
/// </remarks>
internal sealed class TrigramFilter
{
    private const int TripleBits = 1 << 16;

    private static readonly byte[] AsciiFold = [.. Enumerable.Range(0, 128).Select(c => (byte)(c is >= 'A' and <= 'Z' ? c | 0x20 : c))];

    private readonly ulong[] _pairs = new ulong[128 * 128 / 64];
    private readonly ulong[] _completePairs = new ulong[128 * 128 / 64];
    private readonly ulong[] _triples = new ulong[TripleBits / 64];
    private readonly ulong[] _completeTriples = new ulong[TripleBits / 64];
    private readonly ulong[] _quads = new ulong[TripleBits / 64];
    private readonly bool[] _singles = new bool[128];

    public TrigramFilter(IEnumerable<string> keywords)
    {
        foreach (var keyword in keywords)
        {
            var a = Fold(keyword[0]);
            if (keyword.Length == 1)
            {
                _singles[a] = true;
                continue;
            }

            var pair = (a << 7) | Fold(keyword[1]);
            Set(_pairs, pair);
            if (keyword.Length == 2)
            {
                Set(_completePairs, pair);
            }
            else
            {
                var triple = Triple(pair, Fold(keyword[2]));
                Set(_triples, triple);
                if (keyword.Length == 3)
                {
                    Set(_completeTriples, triple);
                }
                else
                {
                    Set(_quads, Quad(triple, Fold(keyword[3])));
                }
            }
        }
    }

    /// <summary>
    /// A bucket number (0..4095) for the keyword or text starting at <paramref name="i"/>: keywords of one or two
    /// characters by their folded first character, longer ones by their folded first three.
    /// </summary>
    public static int Bucket(ReadOnlySpan<char> text, int i, int length)
    {
        var a = Fold(text[i]);
        if (length == 1 || i + 1 >= text.Length)
        {
            return a;
        }

        if (length == 2 || i + 2 >= text.Length)
        {
            return 128 + a;
        }

        return 256 + (Triple((a << 7) | Fold(text[i + 1]), Fold(text[i + 2])) % 3840);
    }

    /// <summary>Whether a keyword may start at <paramref name="i"/> (folded pair, then hashed three- and
    /// four-character prefixes).</summary>
    public bool IsCandidateAt(ReadOnlySpan<char> text, int i)
    {
        var a = Fold(text[i]);
        if (a == 0)
        {
            return false;
        }

        if (_singles[a])
        {
            return true;
        }

        var b = i + 1 < text.Length ? Fold(text[i + 1]) : 0;
        return b != 0 && IsPairCandidate(text, i, (a << 7) | b);
    }

    /// <summary>The ASCII letter a non-ASCII character case-folds to, or 0.</summary>
    public static int FoldsTo(char c) => c < 128 ? 0 : FoldNonAscii(c);

    private bool IsPairCandidate(ReadOnlySpan<char> text, int i, int pair) =>
        IsSet(_pairs, pair) &&
        (IsSet(_completePairs, pair) || (i + 2 < text.Length && IsTripleCandidate(text, i, Triple(pair, Fold(text[i + 2])))));

    private bool IsTripleCandidate(ReadOnlySpan<char> text, int i, int triple) =>
        IsSet(_triples, triple) &&
        (IsSet(_completeTriples, triple) || (i + 3 < text.Length && IsSet(_quads, Quad(triple, Fold(text[i + 3])))));

    private static int Triple(int pair, int c) => ((pair * 31) + (c * 131)) & (TripleBits - 1);

    private static int Quad(int triple, int d) => ((triple * 37) + (d * 257) + 12345) & (TripleBits - 1);

    private static int Fold(char c) => c < 128 ? AsciiFold[c] : FoldNonAscii(c);

    private static int FoldNonAscii(char c) => c switch
    {
        '\u017F' => 's',
        '\u212A' => 'k',
        '\u0130' or '\u0131' => 'i',
        _ => 0,
    };

    private static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static bool IsSet(ulong[] bits, int index) => (bits[index >> 6] & (1UL << (index & 63))) != 0;
}
