using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The AVX-512 body of <see cref="QuadFilter"/>: thirty-two positions per step, the table tests done in registers
/// (<see cref="QuadBloom"/>, word permutes) instead of memory gathers.
/// </summary>
/// <remarks>
/// The first stage runs in a loop of its own, with nothing else in it, so that its twenty table registers stay loaded
/// (with more in the loop the compiler spilled and reloaded all of them every step); it returns at the first step
/// where anything passed, and the second stage and the confirmation run outside it.
/// </remarks>
internal static class QuadFilterAvx512
{
    // Static readonly vectors are constants to the compiler: nothing to build on each call.
    private static readonly Vector512<ushort> K0 = Broadcast(0, 0), K1 = Broadcast(0, 1), K2 = Broadcast(0, 2), K3 = Broadcast(0, 3);
    private static readonly Vector512<ushort> L0 = Broadcast(1, 0), L1 = Broadcast(1, 1), L2 = Broadcast(1, 2), L3 = Broadcast(1, 3);
    private static readonly Vector512<ushort> H4 = Broadcast(0, 4), H5 = Broadcast(0, 5), H6 = Broadcast(0, 6), H7 = Broadcast(0, 7);
    private static readonly Vector512<ushort> G4 = Broadcast(1, 4), G5 = Broadcast(1, 5), G6 = Broadcast(1, 6), G7 = Broadcast(1, 7);

    /// <summary>Characters a step reads: thirty-two positions and the seven after the last (second stage).</summary>
    private const int Reach = 32 + 7;

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
        fixed (char* chars = &MemoryMarshal.GetReference(text))
        {
            var p = (ushort*)chars;
            var last = text.Length - Reach;
            while (i <= last)
            {
                var bits = NextStep(p, ref i, last, bloom, shortPrefixes, out var shortBits);
                if ((bits | shortBits) == 0)
                {
                    break;
                }

                if (bits != AllLanes)
                {
                    bits = (bits & SecondStage(p + i, bloom)) | shortBits;
                }

                if (!filter.TryAddEach(text, ref i, bits, hits, ref count))
                {
                    return false;
                }

                i += 32;
            }
        }

        return true;
    }

    private const ulong AllLanes = 0xFFFF_FFFF;

    /// <summary>
    /// Steps from <paramref name="i"/> to the first step where a lane passes the first stage or matches a short keyword
    /// (<paramref name="shortBits"/>); returns the first stage's lanes (all of them for a step with a non-ASCII
    /// character), or 0 and no short lanes with <paramref name="i"/> past <paramref name="last"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe ulong NextStep(ushort* p, ref int i, int last, QuadBloom bloom, uint[] shortPrefixes, out ulong shortBits)
    {
        var fold = Vector512.Create((ushort)0x20);
        var nonAscii = Vector512.Create((ushort)0xFF80);
        var (k0, k1, k2, k3) = (K0, K1, K2, K3);
        var (l0, l1, l2, l3) = (L0, L1, L2, L3);
        Vector512<ushort> a0 = bloom.Quarter(0, 0), a1 = bloom.Quarter(0, 1), a2 = bloom.Quarter(0, 2), a3 = bloom.Quarter(0, 3);
        Vector512<ushort> b0 = bloom.Quarter(1, 0), b1 = bloom.Quarter(1, 1), b2 = bloom.Quarter(1, 2), b3 = bloom.Quarter(1, 3);
        Vector512<ushort> c0 = bloom.Quarter(2, 0), c1 = bloom.Quarter(2, 1), c2 = bloom.Quarter(2, 2), c3 = bloom.Quarter(2, 3);
        Vector512<ushort> d0 = bloom.Quarter(3, 0), d1 = bloom.Quarter(3, 1), d2 = bloom.Quarter(3, 2), d3 = bloom.Quarter(3, 3);
        Vector512<ushort> e0 = bloom.Quarter(4, 0), e1 = bloom.Quarter(4, 1), e2 = bloom.Quarter(4, 2), e3 = bloom.Quarter(4, 3);
        var at = i;
        for (; at <= last; at += 32)
        {
            var v0 = Vector512.Load(p + at);
            var v3 = Vector512.Load(p + at + 3);
            if (((v0 | v3) & nonAscii) != Vector512<ushort>.Zero)
            {
                i = at;
                shortBits = 0;
                return AllLanes;
            }

            var f0 = v0 | fold;
            var f1 = Vector512.Load(p + at + 1) | fold;
            var f2 = Vector512.Load(p + at + 2) | fold;
            var f3 = v3 | fold;
            var h3 = (f0 * k0) + (f1 * k1) + (f2 * k2);
            var g3 = (f0 * l0) + (f1 * l1) + (f2 * l2);
            var h = h3 + (f3 * k3);
            var g = g3 + (f3 * l3);
            var four = Probe(a0, a1, a2, a3, h, h >> 12) & Probe(b0, b1, b2, b3, g, g >> 12) &
                Probe(c0, c1, c2, c3, h >> 7, (g >> 7) & Vector512.Create((ushort)15));
            var three = Probe(d0, d1, d2, d3, h3, h3 >> 12) & Probe(e0, e1, e2, e3, g3, g3 >> 12);
            var bits = ~Vector512.Equals(four | three, Vector512<ushort>.Zero).ExtractMostSignificantBits() & AllLanes;
            var shorts = 0UL;
            foreach (var prefix in shortPrefixes)
            {
                // A keyword of one or two characters: its folded first (and second) character.
                var match = Vector512.Equals(f0, Vector512.Create((ushort)prefix));
                if (prefix > 0xFFFF)
                {
                    match &= Vector512.Equals(f1, Vector512.Create((ushort)(prefix >> 16)));
                }

                shorts |= match.ExtractMostSignificantBits();
            }

            if ((bits | shorts) != 0)
            {
                i = at;
                shortBits = shorts;
                return bits;
            }
        }

        i = at;
        shortBits = 0;
        return 0;
    }

    /// <summary>
    /// A bit per lane of the step at <paramref name="at"/>: a keyword of three, four to seven, or eight or more
    /// characters may start there (see <see cref="QuadBloom"/>), or the lane's characters 4..7 are not all ASCII (then
    /// the first stage alone decides).
    /// </summary>
    /// <remarks>It hashes the first four characters again rather than take them from the first stage: passing them out
    /// of that loop cost more registers there than recomputing costs here, on the few steps that get this far.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ulong SecondStage(ushort* at, QuadBloom bloom)
    {
        var fold = Vector512.Create((ushort)0x20);
        var f0 = Vector512.Load(at) | fold;
        var f1 = Vector512.Load(at + 1) | fold;
        var f2 = Vector512.Load(at + 2) | fold;
        var f3 = Vector512.Load(at + 3) | fold;
        var v4 = Vector512.Load(at + 4);
        var v5 = Vector512.Load(at + 5);
        var v6 = Vector512.Load(at + 6);
        var v7 = Vector512.Load(at + 7);
        var h3 = (f0 * K0) + (f1 * K1) + (f2 * K2);
        var g3 = (f0 * L0) + (f1 * L1) + (f2 * L2);
        var h = h3 + (f3 * K3);
        var g = g3 + (f3 * L3);
        var h8 = h + ((v4 | fold) * H4) + ((v5 | fold) * H5) + ((v6 | fold) * H6) + ((v7 | fold) * H7);
        var g8 = g + ((v4 | fold) * G4) + ((v5 | fold) * G5) + ((v6 | fold) * G6) + ((v7 | fold) * G7);
        var unsure = ~Vector512.Equals((v4 | v5 | v6 | v7) & Vector512.Create((ushort)0xFF80), Vector512<ushort>.Zero);
        var three = Probe(bloom.Quarter(3, 0), bloom.Quarter(3, 1), bloom.Quarter(3, 2), bloom.Quarter(3, 3), h3, h3 >> 12) &
            Probe(bloom.Quarter(4, 0), bloom.Quarter(4, 1), bloom.Quarter(4, 2), bloom.Quarter(4, 3), g3, g3 >> 12);
        var mid = Probe(bloom.Quarter(5, 0), bloom.Quarter(5, 1), h, h >> 12) & Probe(bloom.Quarter(6, 0), bloom.Quarter(6, 1), g, g >> 12);
        var longer = Probe(bloom.Quarter(7, 0), bloom.Quarter(7, 1), h8, h8 >> 12) & Probe(bloom.Quarter(8, 0), bloom.Quarter(8, 1), g8, g8 >> 12);
        return ~Vector512.Equals(three | mid | longer | unsure, Vector512<ushort>.Zero).ExtractMostSignificantBits() & AllLanes;
    }

    /// <summary>Per lane, all ones when the 1,024-bit probe's bit is set (<paramref name="bit"/> is 0..15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Probe(Vector512<ushort> w0, Vector512<ushort> w1, Vector512<ushort> word, Vector512<ushort> bit) =>
        ~Vector512.Equals(Avx512BW.PermuteVar32x16x2(w0, word, w1) & Avx512BW.ShiftLeftLogicalVariable(Vector512<ushort>.One, bit), Vector512<ushort>.Zero);

    /// <summary>Per lane, all ones when the 2,048-bit probe's bit is set (<paramref name="bit"/> is 0..15).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ushort> Probe(
        Vector512<ushort> w0, Vector512<ushort> w1, Vector512<ushort> w2, Vector512<ushort> w3, Vector512<ushort> word,
        Vector512<ushort> bit)
    {
        var low = Avx512BW.PermuteVar32x16x2(w0, word, w1);
        var high = Avx512BW.PermuteVar32x16x2(w2, word, w3);
        var picked = Vector512.ConditionalSelect(Vector512.Equals(word & Vector512.Create((ushort)64), Vector512<ushort>.Zero), low, high);
        var mask = Avx512BW.ShiftLeftLogicalVariable(Vector512<ushort>.One, bit);
        return ~Vector512.Equals(picked & mask, Vector512<ushort>.Zero);
    }

    private static Vector512<ushort> Broadcast(int hash, int offset) =>
        Vector512.Create(offset < 4 ? QuadFilter.Multipliers(hash, offset).GetElement(0) : QuadBloom.EightMultiplier(hash, offset));
}
