using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gatehouse.Masking.Detection;

/// <summary>The AVX2 body of <see cref="QuadFilter"/>: sixteen positions per step.</summary>
internal static class QuadFilterAvx2
{
    /// <summary>
    /// Collects hits from <paramref name="i"/> while sixteen full windows remain. Returns false when the buffer is
    /// full, with <paramref name="i"/> at the first position not yet looked at; true with <paramref name="i"/> where the
    /// scalar loop must continue.
    /// </summary>
    public static unsafe bool Collect(
        QuadFilter filter, ReadOnlySpan<char> text, ref int i, uint[] table, uint[] shortPrefixes, Span<KeywordHit> hits,
        ref int count)
    {
        var fold = Vector256.Create((ushort)0x20);
        var nonAscii = Vector256.Create((ushort)0xFF80);
        var (k0, k1, k2, k3) = (QuadFilter.Multipliers(0, 0), QuadFilter.Multipliers(0, 1), QuadFilter.Multipliers(0, 2), QuadFilter.Multipliers(0, 3));
        var (l0, l1, l2, l3) = (QuadFilter.Multipliers(1, 0), QuadFilter.Multipliers(1, 1), QuadFilter.Multipliers(1, 2), QuadFilter.Multipliers(1, 3));
        var low5 = Vector256.Create(31u);
        var one = Vector256<uint>.One;
        fixed (char* chars = &MemoryMarshal.GetReference(text))
        fixed (uint* words = table)
        {
            var p = (ushort*)chars;
            for (; i + 19 <= text.Length; i += 16)
            {
                var v0 = Vector256.Load(p + i);
                var v3 = Vector256.Load(p + i + 3);
                uint bits;
                if (((v0 | v3) & nonAscii) != Vector256<ushort>.Zero)
                {
                    bits = 0xFFFF;
                }
                else
                {
                    var f0 = v0 | fold;
                    var f1 = Vector256.Load(p + i + 1) | fold;
                    var f2 = Vector256.Load(p + i + 2) | fold;
                    var f3 = v3 | fold;
                    var h = (f0 * k0) + (f1 * k1) + (f2 * k2) + (f3 * k3);
                    var g = (f0 * l0) + (f1 * l1) + (f2 * l2) + (f3 * l3);
                    bits = Test(words, Index(h.GetLower(), g.GetLower()), low5, one) |
                        (Test(words, Index(h.GetUpper(), g.GetUpper()), low5, one) << 8);
                    foreach (var prefix in shortPrefixes)
                    {
                        // A keyword of one or two characters: its folded first (and second) character.
                        var match = Vector256.Equals(f0, Vector256.Create((ushort)prefix));
                        if (prefix > 0xFFFF)
                        {
                            match &= Vector256.Equals(f1, Vector256.Create((ushort)(prefix >> 16)));
                        }

                        bits |= match.ExtractMostSignificantBits();
                    }
                }

                if (bits != 0 && !filter.TryAddEach(text, ref i, bits, hits, ref count))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Eight lanes of <see cref="QuadFilter.Hash"/> from the two 16-bit hashes.</summary>
    private static Vector256<uint> Index(Vector128<ushort> first, Vector128<ushort> second) =>
        (Avx2.ConvertToVector256Int32(first).AsUInt32() << (QuadFilter.IndexBits - 16)) |
        (Avx2.ConvertToVector256Int32(second).AsUInt32() >> (32 - QuadFilter.IndexBits));

    /// <summary>One bit per lane: whether the table bit of the lane's hash is set.</summary>
    private static unsafe uint Test(uint* words, Vector256<uint> hash, Vector256<uint> low5, Vector256<uint> one)
    {
        var word = Avx2.GatherVector256(words, (hash >> 5).AsInt32(), 4);
        var bit = Avx2.ShiftLeftLogicalVariable(one, hash & low5);
        return ~Vector256.Equals(word & bit, Vector256<uint>.Zero).ExtractMostSignificantBits() & 0xFF;
    }
}
