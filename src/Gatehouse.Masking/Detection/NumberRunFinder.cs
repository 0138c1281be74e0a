using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Gatehouse.Masking.Detection;

/// <summary>
/// The runs of <see cref="NumericTokens.TryFindNext"/> that the number scan acts on (those that qualify, and the one
/// that reaches the end of the text), found 64 characters at a time with bit masks instead of a branch per character.
/// </summary>
/// <remarks>
/// A run is found from its first digit exactly as the scalar finder finds it; a run that ends inside its 64-character
/// block is measured from the block's digit and run-character masks (its digits are a popcount, its last digit a
/// leading-zero count), and one that crosses the block's end is handed to the scalar finder. Runs are skipped only
/// when they neither qualify nor reach the end of the text, which is exactly when the scan ignores them.
/// </remarks>
internal static class NumberRunFinder
{
    private const int Block = 64;

    /// <returns>False when no run at or after <paramref name="from"/> qualifies or reaches the end of the text.</returns>
    public static bool TryFindNext(
        ReadOnlySpan<char> text, int from, out int start, out int end, out int runEnd, out bool qualifies)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            ref var origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            while (from + Block <= text.Length)
            {
                var digits = Mask(ref origin, from, out var runChars);
                var next = from + Block;
                while (digits != 0)
                {
                    var first = BitOperations.TrailingZeroCount(digits);
                    var length = BitOperations.TrailingZeroCount(~runChars >> first);
                    if (first + length >= Block)
                    {
                        // The run crosses the block: the scalar finder measures it from its first digit.
                        if (NumericTokens.TryFindNext(text, from + first, out start, out end, out runEnd, out qualifies) &&
                            (qualifies || runEnd == text.Length))
                        {
                            return true;
                        }

                        next = runEnd;
                        break;
                    }

                    var inRun = ((1UL << length) - 1) << first;
                    start = BackOverSigns(text, from + first);
                    end = from + Block - BitOperations.LeadingZeroCount(digits & inRun);
                    runEnd = from + first + length;
                    qualifies = runEnd - start <= NumericTokens.MaxLength &&
                        BitOperations.PopCount(digits & inRun) >= NumericTokens.MinDigits && end - start >= NumericTokens.MinLength;
                    if (qualifies)
                    {
                        return true;
                    }

                    digits &= ~inRun;
                }

                from = next;
            }
        }

        while (NumericTokens.TryFindNext(text, from, out start, out end, out runEnd, out qualifies))
        {
            if (qualifies || runEnd == text.Length)
            {
                return true;
            }

            from = runEnd;
        }

        return false;
    }

    /// <summary>A run includes up to two '+' or '(' right before its first digit.</summary>
    private static int BackOverSigns(ReadOnlySpan<char> text, int first)
    {
        var start = first;
        while (start > 0 && first - start < 2 && text[start - 1] is '+' or '(')
        {
            start--;
        }

        return start;
    }

    /// <summary>Bit i set for a digit at <paramref name="at"/> + i; <paramref name="runChars"/> likewise for every
    /// run character (only computed when there is a digit).</summary>
    private static ulong Mask(ref ushort origin, int at, out ulong runChars)
    {
        var v0 = Vector256.LoadUnsafe(ref origin, (nuint)at);
        var v1 = Vector256.LoadUnsafe(ref origin, (nuint)(at + 16));
        var v2 = Vector256.LoadUnsafe(ref origin, (nuint)(at + 32));
        var v3 = Vector256.LoadUnsafe(ref origin, (nuint)(at + 48));
        var (d0, d1, d2, d3) = (IsDigit(v0), IsDigit(v1), IsDigit(v2), IsDigit(v3));
        if ((d0 | d1 | d2 | d3) == Vector256<ushort>.Zero)
        {
            runChars = 0;
            return 0;
        }

        runChars = Bits(IsRunChar(v0, d0), IsRunChar(v1, d1), IsRunChar(v2, d2), IsRunChar(v3, d3));
        return Bits(d0, d1, d2, d3);
    }

    private static Vector256<ushort> IsDigit(Vector256<ushort> v) =>
        Vector256.LessThan(v - Vector256.Create((ushort)'0'), Vector256.Create((ushort)10));

    /// <summary>Digits, ' ' and "()+-./:" (0x28 to 0x3A less '*' and ',').</summary>
    private static Vector256<ushort> IsRunChar(Vector256<ushort> v, Vector256<ushort> digit) =>
        digit | Vector256.Equals(v, Vector256.Create((ushort)' ')) |
        (Vector256.LessThan(v - Vector256.Create((ushort)'('), Vector256.Create((ushort)(':' - '(' + 1))) &
         ~Vector256.Equals(v, Vector256.Create((ushort)'*')) & ~Vector256.Equals(v, Vector256.Create((ushort)',')));

    private static ulong Bits(Vector256<ushort> m0, Vector256<ushort> m1, Vector256<ushort> m2, Vector256<ushort> m3) =>
        m0.ExtractMostSignificantBits() | ((ulong)m1.ExtractMostSignificantBits() << 16) |
        ((ulong)m2.ExtractMostSignificantBits() << 32) | ((ulong)m3.ExtractMostSignificantBits() << 48);
}
