using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gatehouse.Masking.Detection;

/// <summary>The AVX2 body of <see cref="QuadFilter"/>: sixteen positions per step.</summary>
internal static class QuadFilterAvx2
{
    /// <summary>
    /// Scans from <paramref name="i"/> while sixteen full windows remain; returns the first position that also passes
    /// the exact check, or -1 with <paramref name="i"/> left where the scalar loop must continue.
    /// </summary>
    public static unsafe int Next(ReadOnlySpan<char> text, ref int i, uint[] table, ushort[] shortFirsts, TrigramFilter exact)
    {
        var fold = Vector256.Create((ushort)0x20);
        var nonAscii = Vector256.Create((ushort)0xFF80);
        var (k0, k1, k2, k3) = (QuadFilter.Multipliers(0), QuadFilter.Multipliers(1), QuadFilter.Multipliers(2), QuadFilter.Multipliers(3));
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
                if (((v0 | v3) & nonAscii) != Vector256<ushort>.Zero)
                {
                    var found = Scalar(text, i, exact);
                    if (found >= 0)
                    {
                        return found;
                    }

                    continue;
                }

                var f0 = v0 | fold;
                var v1 = Vector256.Load(p + i + 1);
                var v2 = Vector256.Load(p + i + 2);
                var h = (f0 * k0) + ((v1 | fold) * k1) + ((v2 | fold) * k2) + ((v3 | fold) * k3);
                var bits = Test(words, Avx2.ConvertToVector256Int32(h.GetLower()).AsUInt32(), low5, one) |
                    (Test(words, Avx2.ConvertToVector256Int32(h.GetUpper()).AsUInt32(), low5, one) << 8);
                foreach (var first in shortFirsts)
                {
                    bits |= Vector256.Equals(f0, Vector256.Create(first)).ExtractMostSignificantBits();
                }

                while (bits != 0)
                {
                    var at = i + BitOperations.TrailingZeroCount(bits);
                    if (exact.IsCandidateAt(text, at))
                    {
                        return at;
                    }

                    bits &= bits - 1;
                }
            }
        }

        return -1;
    }

    /// <summary>One bit per lane: whether the table bit of the lane's hash is set.</summary>
    private static unsafe uint Test(uint* words, Vector256<uint> hash, Vector256<uint> low5, Vector256<uint> one)
    {
        var word = Avx2.GatherVector256(words, (hash >> 5).AsInt32(), 4);
        var bit = Avx2.ShiftLeftLogicalVariable(one, hash & low5);
        return ~Vector256.Equals(word & bit, Vector256<uint>.Zero).ExtractMostSignificantBits() & 0xFF;
    }

    /// <summary>The sixteen positions of a step that has a non-ASCII character: the exact check at each.</summary>
    private static int Scalar(ReadOnlySpan<char> text, int i, TrigramFilter exact)
    {
        for (var at = i; at < i + 16; at++)
        {
            if (exact.IsCandidateAt(text, at))
            {
                return at;
            }
        }

        return -1;
    }
}
