using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The first prefilter stage: per position, one 8-byte read of four UTF-16 characters, a case fold by OR-ing 0x20 into
/// each, one multiplicative hash and one bit test in a 16 KB table of keyword prefixes; only positions that pass go to
/// the exact <see cref="TrigramFilter"/> check. Keywords of one or two characters are found with a vectorised
/// <c>IndexOfAny</c> over their first characters instead.
/// </summary>
/// <remarks>
/// <para>Superset argument: a keyword (ASCII) matches ordinal-ignore-case at an all-ASCII window only if the folded
/// windows are equal, so its folded prefix is in the table (three-character keywords are entered with each of the 64
/// possible folded fourth characters). Windows with a non-ASCII character, and the last three positions, take the
/// exact per-position check, which folds the non-ASCII letters that case-fold to ASCII.</para>
/// <para>OR-ing 0x20 maps 'A'..'Z' onto 'a'..'z' and also merges a few punctuation pairs ('@' and '`', '_' and DEL):
/// that only adds candidates, never removes one.</para>
/// </remarks>
internal sealed class QuadFilter
{
    private const int Bits = 17;
    private const ulong Multiplier = 0x9E3779B97F4A7C15UL;
    private const ulong FoldMask = 0x0020_0020_0020_0020UL;
    private const ulong NonAsciiMask = 0xFF80_FF80_FF80_FF80UL;

    private readonly ulong[] _table = new ulong[(1 << Bits) / 64];
    private readonly TrigramFilter _exact;
    private readonly SearchValues<char>? _shortFirsts;

    public QuadFilter(IReadOnlyCollection<string> keywords)
    {
        _exact = new TrigramFilter(keywords);
        var firsts = new HashSet<char>();
        foreach (var keyword in keywords)
        {
            switch (keyword.Length)
            {
                case <= 2:
                    AddFirstChar(firsts, keyword[0]);
                    break;
                case 3:
                    for (var fourth = 0x20; fourth < 0x80; fourth = fourth == 0x3F ? 0x60 : fourth + 1)
                    {
                        Set(Pack(keyword[0], keyword[1], keyword[2], (char)fourth));
                    }

                    break;
                default:
                    Set(Pack(keyword[0], keyword[1], keyword[2], keyword[3]));
                    break;
            }
        }

        _shortFirsts = firsts.Count == 0 ? null : SearchValues.Create([.. firsts]);
    }

    /// <summary>The first candidate position at or after <paramref name="from"/>; -1 when there is none.</summary>
    public int Next(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var end = NextLong(text, from);
        if (_shortFirsts is not null)
        {
            // Searching only up to the next long candidate scans each character once over successive calls.
            for (var i = from; i < end; i++)
            {
                var rel = text[i..end].IndexOfAny(_shortFirsts);
                if (rel < 0)
                {
                    break;
                }

                i += rel;
                if (_exact.IsCandidateAt(text, i))
                {
                    return i;
                }
            }
        }

        return end < text.Length ? end : -1;
    }

    /// <summary>The first position at or after <paramref name="from"/> where a keyword of three or more characters may
    /// start; the text length when there is none.</summary>
    private int NextLong(ReadOnlySpan<char> text, int from)
    {
        ref var start = ref MemoryMarshal.GetReference(text);
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        var last = text.Length - 4;
        var i = from;
        for (; i <= last; i++)
        {
            var x = Unsafe.ReadUnaligned<ulong>(ref Unsafe.As<char, byte>(ref Unsafe.Add(ref start, i)));
            if ((x & NonAsciiMask) != 0)
            {
                if (_exact.IsCandidateAt(text, i))
                {
                    return i;
                }

                continue;
            }

            var h = (int)(((x | FoldMask) * Multiplier) >> (64 - Bits));
            if ((Unsafe.Add(ref table, h >> 6) & (1UL << h)) != 0 && _exact.IsCandidateAt(text, i))
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

    private static void AddFirstChar(HashSet<char> firsts, char c)
    {
        firsts.Add(char.ToLowerInvariant(c));
        firsts.Add(char.ToUpperInvariant(c));
        foreach (var foldsToAscii in "\u017F\u212A\u0130\u0131")
        {
            if (TrigramFilter.FoldsTo(foldsToAscii) == char.ToLowerInvariant(c))
            {
                firsts.Add(foldsToAscii);
            }
        }
    }

    private static ulong Pack(char a, char b, char c, char d) =>
        (a | ((ulong)b << 16) | ((ulong)c << 32) | ((ulong)d << 48)) | FoldMask;

    private void Set(ulong packed)
    {
        var h = (int)((packed * Multiplier) >> (64 - Bits));
        _table[h >> 6] |= 1UL << h;
    }
}
