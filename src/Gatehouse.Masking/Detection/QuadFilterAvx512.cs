using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The AVX-512 body of <see cref="QuadFilter"/>: thirty-two positions per step, the table tests done in registers
/// (<see cref="QuadBloom"/>, word permutes) instead of memory gathers.
/// </summary>
internal static class QuadFilterAvx512
{
    public static bool IsSupported => Avx512BW.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>
    /// Collects hits from <paramref name="i"/> while thirty-two full windows remain. Returns false when the buffer is
    /// full, with <paramref name="i"/> at the first position not yet looked at; true with <paramref name="i"/> where the
    /// next loop must continue.
    /// </summary>
    public static unsafe bool Collect(
        QuadFilter filter, ReadOnlySpan<char> text, ref int i, QuadBloom bloom, uint[] shortPrefixes, Span<KeywordHit> hits,
        ref int count)
    {
        var fold = Vector512.Create((ushort)0x20);
        var nonAscii = Vector512.Create((ushort)0xFF80);
        var (k0, k1, k2, k3) = (Multipliers(0, 0), Multipliers(0, 1), Multipliers(0, 2), Multipliers(0, 3));
        var (l0, l1, l2, l3) = (Multipliers(1, 0), Multipliers(1, 1), Multipliers(1, 2), Multipliers(1, 3));
        Vector512<ushort> a0 = bloom.Quarter(0, 0), a1 = bloom.Quarter(0, 1), a2 = bloom.Quarter(0, 2), a3 = bloom.Quarter(0, 3);
        Vector512<ushort> b0 = bloom.Quarter(1, 0), b1 = bloom.Quarter(1, 1), b2 = bloom.Quarter(1, 2), b3 = bloom.Quarter(1, 3);
        Vector512<ushort> c0 = bloom.Quarter(2, 0), c1 = bloom.Quarter(2, 1), c2 = bloom.Quarter(2, 2), c3 = bloom.Quarter(2, 3);
        Vector512<ushort> d0 = bloom.Quarter(3, 0), d1 = bloom.Quarter(3, 1), d2 = bloom.Quarter(3, 2), d3 = bloom.Quarter(3, 3);
        Vector512<ushort> e0 = bloom.Quarter(4, 0), e1 = bloom.Quarter(4, 1), e2 = bloom.Quarter(4, 2), e3 = bloom.Quarter(4, 3);
        fixed (char* chars = &MemoryMarshal.GetReference(text))
        {
            var p = (ushort*)chars;
            for (; i + 35 <= text.Length; i += 32)
            {
                var v0 = Vector512.Load(p + i);
                var v3 = Vector512.Load(p + i + 3);
                ulong bits;
                if (((v0 | v3) & nonAscii) != Vector512<ushort>.Zero)
                {
                    bits = 0xFFFF_FFFF;
                }
                else
                {
                    var f0 = v0 | fold;
                    var f1 = Vector512.Load(p + i + 1) | fold;
                    var f2 = Vector512.Load(p + i + 2) | fold;
                    var f3 = v3 | fold;
                    var h3 = (f0 * k0) + (f1 * k1) + (f2 * k2);
                    var g3 = (f0 * l0) + (f1 * l1) + (f2 * l2);
                    var h = h3 + (f3 * k3);
                    var g = g3 + (f3 * l3);
                    var four = Probe(a0, a1, a2, a3, h, h >> 12) & Probe(b0, b1, b2, b3, g, g >> 12) &
                        Probe(c0, c1, c2, c3, h >> 7, g >> 7);
                    var three = Probe(d0, d1, d2, d3, h3, h3 >> 12) & Probe(e0, e1, e2, e3, g3, g3 >> 12);
                    bits = ~Vector512.Equals(four | three, Vector512<ushort>.Zero).ExtractMostSignificantBits() & 0xFFFF_FFFF;
                    foreach (var prefix in shortPrefixes)
                    {
                        // A keyword of one or two characters: its folded first (and second) character.
                        var match = Vector512.Equals(f0, Vector512.Create((ushort)prefix));
                        if (prefix > 0xFFFF)
                        {
                            match &= Vector512.Equals(f1, Vector512.Create((ushort)(prefix >> 16)));
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

    /// <summary>Per lane, all ones when the probe's bit is set (a lane is kept by AND-ing probes), else zero.</summary>
    private static Vector512<ushort> Probe(
        Vector512<ushort> w0, Vector512<ushort> w1, Vector512<ushort> w2, Vector512<ushort> w3, Vector512<ushort> word,
        Vector512<ushort> bit)
    {
        var low = Avx512BW.PermuteVar32x16x2(w0, word, w1);
        var high = Avx512BW.PermuteVar32x16x2(w2, word, w3);
        var picked = Vector512.ConditionalSelect(Vector512.Equals(word & Vector512.Create((ushort)64), Vector512<ushort>.Zero), low, high);
        var mask = Avx512BW.ShiftLeftLogicalVariable(Vector512<ushort>.One, bit & Vector512.Create((ushort)15));
        return ~Vector512.Equals(picked & mask, Vector512<ushort>.Zero);
    }

    private static Vector512<ushort> Multipliers(int hash, int offset) =>
        Vector512.Create(QuadFilter.Multipliers(hash, offset).GetElement(0));
}
