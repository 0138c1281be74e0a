using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The keyword prefilter and its confirmation in one pass. Per position, the four characters from there are
/// case-folded (OR 0x20) and hashed to 18 bits; a bit table of keyword prefixes says whether any keyword may start
/// there, and the hash's slot lists those keywords, each then compared (ordinal ignore-case). With AVX-512, thirty-two
/// positions at a time are first tested against Bloom probes held in registers (<see cref="QuadFilterAvx512"/>); with
/// AVX2, sixteen at a time against the table by gathers; otherwise one position at a time. Keywords of one or two
/// characters are listed by their folded first character.
/// </summary>
/// <remarks>
/// <para>Exactness: an ASCII keyword matches ordinal-ignore-case at an all-ASCII window only if the folded windows are
/// equal, so it is in the slot of that window's hash (three-character keywords are entered under each of the 64
/// possible folded fourth characters). Windows with a non-ASCII character, and the last three positions, go to
/// <see cref="ExactKeywordMatcher"/>, which folds the non-ASCII letters that case-fold to ASCII. Every listed keyword
/// is compared, so the hits are exactly the ordinal-ignore-case occurrences.</para>
/// <para>OR-ing 0x20 maps 'A'..'Z' onto 'a'..'z' and also merges a few punctuation pairs ('@' and '`', '_' and DEL):
/// that only lists keywords the comparison then rejects.</para>
/// </remarks>
internal sealed class QuadFilter
{
    private const ushort K0 = 0x9E37;
    private const ushort K1 = 0x79B9;
    private const ushort K2 = 0x7F4B;
    private const ushort K3 = 0xC2B3;
    private const ushort L0 = 0x6A09;
    private const ushort L1 = 0xBB67;
    private const ushort L2 = 0x3C6F;
    private const ushort L3 = 0xA54F;

    /// <summary>Bits of the table index: the 16-bit hash and the top two bits of a second one (a 32 KB table, which
    /// stays in the first-level cache; with only 16 bits, the 17 three-character keywords, entered once per possible
    /// fourth character, filled 2 % of the table and as many clean positions passed).</summary>
    public const int IndexBits = 18;

    private const int Slots = 1 << IndexBits;

    /// <summary>The bits of four characters that are set only when one of them is not ASCII.</summary>
    private const ulong NotAscii = 0xFF80_FF80_FF80_FF80UL;

    private readonly uint[] _table = new uint[Slots / 32];
    private readonly ushort[] _rank = new ushort[Slots / 32];
    private readonly int[] _slotStart;
    private readonly int[] _slotKeywords;
    private readonly ulong[] _prefixes;
    private readonly ulong[] _prefixMasks;
    private readonly ulong[] _seconds;
    private readonly ulong[] _secondMasks;
    private readonly int[][] _shortByFirst = new int[128][];
    private readonly uint[] _shortPrefixes;
    private readonly string[] _keywords;
    private readonly ExactKeywordMatcher _exact;
    private readonly QuadFilterPath _path;
    private readonly QuadBloom? _bloom;

    /// <param name="keywords">The ASCII keywords; a hit names one by its index here.</param>
    /// <param name="path">The loop to run (tests compare them); one the machine lacks falls back to a simpler one.</param>
    public QuadFilter(IReadOnlyList<string> keywords, QuadFilterPath path = QuadFilterPath.Best)
    {
        _path = path switch
        {
            QuadFilterPath.Best or QuadFilterPath.Avx512 when QuadFilterAvx512.IsSupported => QuadFilterPath.Avx512,
            QuadFilterPath.Best or QuadFilterPath.Avx512 or QuadFilterPath.Avx2 when Avx2.IsSupported => QuadFilterPath.Avx2,
            _ => QuadFilterPath.Scalar,
        };
        _bloom = _path == QuadFilterPath.Avx512 ? new QuadBloom(keywords) : null;
        _keywords = [.. keywords];
        _exact = new ExactKeywordMatcher(_keywords);
        var slots = new Dictionary<int, SortedSet<int>>();
        for (var k = 0; k < _keywords.Length; k++)
        {
            var keyword = _keywords[k];
            switch (keyword.Length)
            {
                case <= 2:
                    var first = keyword[0] | 0x20;
                    _shortByFirst[first] = [.. _shortByFirst[first] ?? [], k];
                    break;
                case 3:
                    for (var fourth = 0x20; fourth < 0x80; fourth = fourth == 0x3F ? 0x60 : fourth + 1)
                    {
                        Enter(slots, Hash(keyword[0], keyword[1], keyword[2], (char)fourth), k);
                    }

                    break;
                default:
                    Enter(slots, Hash(keyword[0], keyword[1], keyword[2], keyword[3]), k);
                    break;
            }
        }

        // Slot n is the n-th set bit of the table: the rank of its word plus the set bits before it in the word, so the
        // slot index costs a few kilobytes rather than an entry per possible hash.
        var flat = new List<int>();
        var starts = new List<int>();
        for (var hash = 0; hash < Slots; hash++)
        {
            if (hash % 32 == 0)
            {
                _rank[hash / 32] = (ushort)starts.Count;
            }

            if (slots.TryGetValue(hash, out var slot))
            {
                starts.Add(flat.Count);
                flat.AddRange(slot);
            }
        }

        starts.Add(flat.Count);
        _slotStart = [.. starts];
        _slotKeywords = [.. flat];
        _prefixes = [.. _keywords.Select(k => FoldedPart(k, 0, out _))];
        _prefixMasks = [.. _keywords.Select(k => MaskOf(k, 0))];
        _seconds = [.. _keywords.Select(k => FoldedPart(k, 4, out _))];
        _secondMasks = [.. _keywords.Select(k => MaskOf(k, 4))];
        _shortPrefixes = [.. _keywords.Where(k => k.Length <= 2)
            .Select(k => (uint)(k[0] | 0x20) | (k.Length == 2 ? (uint)(k[1] | 0x20) << 16 : 0))
            .Distinct()];
        var longestSlot = slots.Values.Select(s => s.Count).DefaultIfEmpty(0).Max();
        var mostShort = _shortByFirst.Where(s => s is not null).Select(s => s.Length).DefaultIfEmpty(0).Max();
        MaxAtOnePosition = Math.Max(longestSlot + mostShort, _exact.MaxAtOnePosition);
    }

    /// <summary>The loop this filter runs.</summary>
    public QuadFilterPath Path => _path;

    /// <summary>An upper bound of the hits one position can produce: a hit buffer must hold at least this many.</summary>
    public int MaxAtOnePosition { get; }

    /// <summary>
    /// Writes the keyword occurrences at or after <paramref name="from"/> to <paramref name="hits"/>, in order of
    /// position, until the text ends or the buffer is nearly full; <paramref name="resume"/> is where to continue.
    /// </summary>
    public int Collect(ReadOnlySpan<char> text, int from, Span<KeywordHit> hits, out int resume)
    {
        var count = 0;
        var i = from;
        var done = _path switch
        {
            // The AVX-512 loop needs 39 characters; the AVX2 loop takes the rest down to 19 (short texts, such as stream
            // deltas, are most of the data path), and the scalar loop the last few.
            QuadFilterPath.Avx512 => QuadFilterAvx512.Collect(this, text, ref i, _bloom!, _shortPrefixes, hits, ref count) &&
                QuadFilterAvx2.Collect(this, text, ref i, _table, _shortPrefixes, hits, ref count),
            QuadFilterPath.Avx2 => QuadFilterAvx2.Collect(this, text, ref i, _table, _shortPrefixes, hits, ref count),
            _ => true,
        };
        if (!done)
        {
            resume = i;
            return count;
        }

        for (; i < text.Length; i++)
        {
            if (!TryAddAt(text, i, hits, ref count))
            {
                resume = i;
                return count;
            }
        }

        resume = text.Length;
        return count;
    }

    /// <summary>Adds the keywords that start at <paramref name="i"/>; false, adding nothing, when
    /// <paramref name="hits"/> may not have room for them.</summary>
    public bool TryAddAt(ReadOnlySpan<char> text, int i, Span<KeywordHit> hits, ref int count)
    {
        if (i + 4 > text.Length || (text[i] | text[i + 1] | text[i + 2] | text[i + 3]) >= 0x80)
        {
            return _exact.TryAddAt(text, i, hits, ref count);
        }

        var shorts = _shortByFirst[text[i] | 0x20];
        var hash = Hash(text[i], text[i + 1], text[i + 2], text[i + 3]);
        var slot = SlotOf(hash);
        if (shorts is null && slot.IsEmpty)
        {
            return true;
        }

        if (count + (shorts?.Length ?? 0) + slot.Length > hits.Length)
        {
            return false;
        }

        AddMatching(text, i, shorts, hits, ref count);
        if (!slot.IsEmpty)
        {
            // Folded as the keywords were, four ASCII characters that differ reject without a comparison: the first
            // four, and the next four when they are there and ASCII (common words share a long keyword's first four).
            var folded = Word(text, i) | 0x0020_0020_0020_0020UL;
            var next = i + 8 <= text.Length ? Word(text, i + 4) : NotAscii;
            var nextKnown = (next & NotAscii) == 0;
            next |= 0x0020_0020_0020_0020UL;
            foreach (var k in slot)
            {
                if ((folded & _prefixMasks[k]) == _prefixes[k] &&
                    (!nextKnown || (next & _secondMasks[k]) == _seconds[k]) &&
                    text[i..].StartsWith(_keywords[k], StringComparison.OrdinalIgnoreCase))
                {
                    hits[count++] = new KeywordHit(i, k);
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Adds the hits at the positions <paramref name="bits"/> marks (bit n: position <paramref name="i"/> + n); false,
    /// with <paramref name="i"/> moved to the first position not looked at, when the buffer fills.
    /// </summary>
    public bool TryAddEach(ReadOnlySpan<char> text, ref int i, ulong bits, Span<KeywordHit> hits, ref int count)
    {
        for (; bits != 0; bits &= bits - 1)
        {
            var at = i + BitOperations.TrailingZeroCount(bits);
            if (!TryAddAt(text, at, hits, ref count))
            {
                i = at;
                return false;
            }
        }

        return true;
    }

    /// <summary>The <see cref="IndexBits"/>-bit hash of four folded characters; <see cref="QuadFilterAvx2"/> computes
    /// the same per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Hash(char a, char b, char c, char d)
    {
        int fa = a | 0x20, fb = b | 0x20, fc = c | 0x20, fd = d | 0x20;
        var first = (ushort)((fa * K0) + (fb * K1) + (fc * K2) + (fd * K3));
        var second = (ushort)((fa * L0) + (fb * L1) + (fc * L2) + (fd * L3));
        return (first << (IndexBits - 16)) | (second >> (32 - IndexBits));
    }

    /// <summary>The multipliers of the first (0) or second (1) 16-bit hash for the character at an offset.</summary>
    public static Vector256<ushort> Multipliers(int hash, int offset) => Vector256.Create((hash, offset) switch
    {
        (0, 0) => K0,
        (0, 1) => K1,
        (0, 2) => K2,
        (0, _) => K3,
        (_, 0) => L0,
        (_, 1) => L1,
        (_, 2) => L2,
        _ => L3,
    });

    private void AddMatching(ReadOnlySpan<char> text, int i, ReadOnlySpan<int> keywords, Span<KeywordHit> hits, ref int count)
    {
        foreach (var k in keywords)
        {
            if (text[i..].StartsWith(_keywords[k], StringComparison.OrdinalIgnoreCase))
            {
                hits[count++] = new KeywordHit(i, k);
            }
        }
    }

    private ReadOnlySpan<int> SlotOf(int hash)
    {
        var word = _table[hash >> 5];
        var bit = 1u << hash;
        if ((word & bit) == 0)
        {
            return [];
        }

        var slot = _rank[hash >> 5] + BitOperations.PopCount(word & (bit - 1));
        return _slotKeywords.AsSpan(_slotStart[slot], _slotStart[slot + 1] - _slotStart[slot]);
    }

    /// <summary>Four characters of a keyword from <paramref name="from"/> folded by OR 0x20 (fewer when it ends
    /// sooner), the first in the low 16 bits, and the mask of the characters it covers.</summary>
    private static ulong FoldedPart(string keyword, int from, out ulong mask)
    {
        var value = 0UL;
        mask = 0UL;
        for (var i = from; i < Math.Min(keyword.Length, from + 4); i++)
        {
            value |= (ulong)(keyword[i] | 0x20) << (16 * (i - from));
            mask |= 0xFFFFUL << (16 * (i - from));
        }

        return value;
    }

    private static ulong MaskOf(string keyword, int from)
    {
        FoldedPart(keyword, from, out var mask);
        return mask;
    }

    /// <summary>Four characters of the text from <paramref name="i"/>, the first in the low 16 bits.</summary>
    private static ulong Word(ReadOnlySpan<char> text, int i) =>
        text[i] | ((ulong)text[i + 1] << 16) | ((ulong)text[i + 2] << 32) | ((ulong)text[i + 3] << 48);

    private void Enter(Dictionary<int, SortedSet<int>> slots, int hash, int keyword)
    {
        _table[hash >> 5] |= 1u << hash;
        if (!slots.TryGetValue(hash, out var slot))
        {
            slots[hash] = slot = [];
        }

        slot.Add(keyword);
    }
}
