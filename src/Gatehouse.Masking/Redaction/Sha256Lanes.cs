using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gatehouse.Masking.Redaction;

/// <summary>
/// HMAC-SHA256 of several messages of the same number of blocks at once, one message per vector lane, starting from
/// a key's <see cref="HmacMidstate"/>: the inner compressions over the padded message, then the outer one over the
/// padded inner digest.
/// </summary>
internal static class Sha256Lanes
{
    public const int ScheduleWords = 16;
    public const int StateWords = 8;

    // The outer message is the 32-byte inner digest after the 64-byte opad block: 768 bits in all.
    private const uint OuterLengthBits = (Sha256Block.BlockBytes + 32) * 8;
    private const uint PadBit = 0x80000000;

    /// <summary>
    /// Computes the MAC of each lane's message and leaves its first two big-endian words in state[0] and state[1].
    /// </summary>
    /// <param name="keys">The key's midstates.</param>
    /// <param name="message">
    /// Sixteen vectors per block: vector 16b + j holds word j of block b of every lane's padded message; overwritten.
    /// </param>
    /// <param name="blocks">The number of blocks of every lane's message.</param>
    /// <param name="state">Eight vectors of scratch; receives the outer digest.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mac<TLanes, TVector>(HmacMidstate keys, Span<TVector> message, int blocks, Span<TVector> state)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
    {
        Broadcast<TLanes, TVector>(keys.Inner, state);
        for (var b = 0; b < blocks; b++)
        {
            Compress<TLanes, TVector>(state, message.Slice(b * ScheduleWords, ScheduleWords));
        }

        var schedule = message[..ScheduleWords];
        state[..StateWords].CopyTo(schedule);
        schedule[StateWords] = TLanes.Create(PadBit);
        schedule[(StateWords + 1)..(ScheduleWords - 1)].Clear();
        schedule[ScheduleWords - 1] = TLanes.Create(OuterLengthBits);
        Broadcast<TLanes, TVector>(keys.Outer, state);
        Compress<TLanes, TVector>(state, schedule);
    }

    private static void Broadcast<TLanes, TVector>(ReadOnlySpan<uint> words, Span<TVector> state)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
    {
        for (var i = 0; i < StateWords; i++)
        {
            state[i] = TLanes.Create(words[i]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress<TLanes, TVector>(Span<TVector> state, Span<TVector> schedule)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
    {
        if (state.Length < StateWords || schedule.Length < ScheduleWords)
        {
            throw new ArgumentException("The state needs eight vectors and the schedule sixteen.");
        }

        // Eight rounds per pass with the roles of the working variables rotated in the source rather than moved.
        ref var w = ref MemoryMarshal.GetReference(schedule);
        TVector a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
        for (var i = 0; i < 64; i += 8)
        {
            var t = T1<TLanes, TVector>(e, f, g, h, Next<TLanes, TVector>(ref w, i));
            d = TLanes.Add(d, t);
            h = TLanes.Add(t, T2<TLanes, TVector>(a, b, c));
            t = T1<TLanes, TVector>(d, e, f, g, Next<TLanes, TVector>(ref w, i + 1));
            c = TLanes.Add(c, t);
            g = TLanes.Add(t, T2<TLanes, TVector>(h, a, b));
            t = T1<TLanes, TVector>(c, d, e, f, Next<TLanes, TVector>(ref w, i + 2));
            b = TLanes.Add(b, t);
            f = TLanes.Add(t, T2<TLanes, TVector>(g, h, a));
            t = T1<TLanes, TVector>(b, c, d, e, Next<TLanes, TVector>(ref w, i + 3));
            a = TLanes.Add(a, t);
            e = TLanes.Add(t, T2<TLanes, TVector>(f, g, h));
            t = T1<TLanes, TVector>(a, b, c, d, Next<TLanes, TVector>(ref w, i + 4));
            h = TLanes.Add(h, t);
            d = TLanes.Add(t, T2<TLanes, TVector>(e, f, g));
            t = T1<TLanes, TVector>(h, a, b, c, Next<TLanes, TVector>(ref w, i + 5));
            g = TLanes.Add(g, t);
            c = TLanes.Add(t, T2<TLanes, TVector>(d, e, f));
            t = T1<TLanes, TVector>(g, h, a, b, Next<TLanes, TVector>(ref w, i + 6));
            f = TLanes.Add(f, t);
            b = TLanes.Add(t, T2<TLanes, TVector>(c, d, e));
            t = T1<TLanes, TVector>(f, g, h, a, Next<TLanes, TVector>(ref w, i + 7));
            e = TLanes.Add(e, t);
            a = TLanes.Add(t, T2<TLanes, TVector>(b, c, d));
        }

        state[0] = TLanes.Add(state[0], a);
        state[1] = TLanes.Add(state[1], b);
        state[2] = TLanes.Add(state[2], c);
        state[3] = TLanes.Add(state[3], d);
        state[4] = TLanes.Add(state[4], e);
        state[5] = TLanes.Add(state[5], f);
        state[6] = TLanes.Add(state[6], g);
        state[7] = TLanes.Add(state[7], h);
    }
    // Round i's constant plus its schedule word; from round 16 on, the word replaces the one sixteen rounds back.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector Next<TLanes, TVector>(ref TVector w, int i)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
    {
        ref var wi = ref Unsafe.Add(ref w, i & 15);
        if (i >= ScheduleWords)
        {
            var s0 = TLanes.SmallSigma0(Unsafe.Add(ref w, (i - 15) & 15));
            var s1 = TLanes.SmallSigma1(Unsafe.Add(ref w, (i - 2) & 15));
            wi = TLanes.Add(TLanes.Add(wi, s0), TLanes.Add(Unsafe.Add(ref w, (i - 7) & 15), s1));
        }

        return TLanes.Add(wi, TLanes.Create(Sha256Block.RoundConstants[i]));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector T1<TLanes, TVector>(TVector e, TVector f, TVector g, TVector h, TVector constantAndWord)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
        => TLanes.Add(TLanes.Add(h, TLanes.BigSigma1(e)), TLanes.Add(TLanes.Choose(e, f, g), constantAndWord));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVector T2<TLanes, TVector>(TVector a, TVector b, TVector c)
        where TLanes : ISha256Lanes<TVector>
        where TVector : unmanaged
        => TLanes.Add(TLanes.BigSigma0(a), TLanes.Majority(a, b, c));
}
