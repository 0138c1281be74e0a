using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The first prefilter stage: per position, the four characters from there are case-folded (OR 0x20), hashed to 16
/// bits and tested in an 8 KB bit table of keyword prefixes; only positions that pass go to the exact
/// <see cref="TrigramFilter"/> check. With AVX2, sixteen positions at a time (four overlapping loads, 16-bit multiply
/// and add, two gathers of table words); otherwise one position at a time. Keywords of one or two characters are proposed
/// wherever their folded first character occurs (one compare per such character).
/// </summary>
/// <remarks>
/// <para>Superset argument: an ASCII keyword matches ordinal-ignore-case at an all-ASCII window only if the folded
/// windows are equal, so its folded prefix is in the table (three-character keywords are entered with each of the 64
/// possible folded fourth characters). Windows with a non-ASCII character, and the last three positions, take the
/// exact per-position check, which folds the non-ASCII letters that case-fold to ASCII.</para>
/// <para>OR-ing 0x20 maps 'A'..'Z' onto 'a'..'z' and also merges a few punctuation pairs ('@' and '`', '_' and DEL):
/// that only adds candidates, never removes one.</para>
/// </remarks>
internal sealed class QuadFilter
{
    private const ushort K0 = 0x9E37;
    private const ushort K1 = 0x79B9;
    private const ushort K2 = 0x7F4B;
    private const ushort K3 = 0xC2B3;

    private readonly uint[] _table = new uint[65536 / 32];
    private readonly TrigramFilter _exact;
    private readonly bool[] _shortFirsts = new bool[128];
    private readonly ushort[] _shortFirstList;

    private readonly bool _vectorized;

    /// <param name="keywords">The ASCII keywords.</param>
    /// <param name="vectorize">False forces the scalar path (tests compare both).</param>
    public QuadFilter(IReadOnlyCollection<string> keywords, bool vectorize = true)
    {
        _vectorized = vectorize && Avx2.IsSupported;
        _exact = new TrigramFilter(keywords);
        foreach (var keyword in keywords)
        {
            switch (keyword.Length)
            {
                case <= 2:
                    _shortFirsts[keyword[0] | 0x20] = true;
                    break;
                case 3:
                    for (var fourth = 0x20; fourth < 0x80; fourth = fourth == 0x3F ? 0x60 : fourth + 1)
                    {
                        Set(Hash(keyword[0], keyword[1], keyword[2], (char)fourth));
                    }

                    break;
                default:
                    Set(Hash(keyword[0], keyword[1], keyword[2], keyword[3]));
                    break;
            }
        }

        _shortFirstList = [.. Enumerable.Range(0, 128).Where(c => _shortFirsts[c]).Select(c => (ushort)c)];
    }

    /// <summary>Whether the AVX2 path is used on this machine.</summary>
    public static bool IsVectorized => Avx2.IsSupported;

    /// <summary>The first candidate position at or after <paramref name="from"/>; -1 when there is none.</summary>
    public int Next(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var end = NextLong(text, from);
        return end < text.Length ? end : -1;
    }

    /// <summary>The first position at or after <paramref name="from"/> where a keyword of three or more characters may
    /// start; the text length when there is none.</summary>
    private int NextLong(ReadOnlySpan<char> text, int from)
    {
        var i = from;
        if (_vectorized)
        {
            var found = QuadFilterAvx2.Next(text, ref i, _table, _shortFirstList, _exact);
            if (found >= 0)
            {
                return found;
            }
        }

        for (; i <= text.Length - 4; i++)
        {
            var a = text[i];
            var b = text[i + 1];
            var c = text[i + 2];
            var d = text[i + 3];
            var passes = (a | b | c | d) >= 0x80 || IsSet(Hash(a, b, c, d)) || _shortFirsts[a | 0x20];
            if (passes && _exact.IsCandidateAt(text, i))
            {
                return i;
            }
        }

        for (; i < text.Length; i++)
        {
            if (_exact.IsCandidateAt(text, i))
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>The 16-bit hash of four folded characters; <see cref="QuadFilterAvx2"/> computes the same per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(char a, char b, char c, char d) =>
        (ushort)(((a | 0x20) * K0) + ((b | 0x20) * K1) + ((c | 0x20) * K2) + ((d | 0x20) * K3));

    public static Vector256<ushort> Multipliers(int offset) => Vector256.Create(offset switch
    {
        0 => K0,
        1 => K1,
        2 => K2,
        _ => K3,
    });

    private bool IsSet(int hash) => (_table[hash >> 5] & (1u << hash)) != 0;

    private void Set(int hash) => _table[hash >> 5] |= 1u << hash;
}
