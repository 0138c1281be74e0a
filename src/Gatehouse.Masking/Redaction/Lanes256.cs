using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Gatehouse.Masking.Redaction;

/// <summary>Eight SHA-256 lanes in 256-bit registers (AVX2 or equivalent): rotates are two shifts and an OR.</summary>
internal readonly struct Lanes256 : ISha256Lanes<Vector256<uint>>
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    public static int Count => Vector256<uint>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Create(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> left, Vector256<uint> right) => left + right;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma0(Vector256<uint> x) => Rotate(x, 2) ^ Rotate(x, 13) ^ Rotate(x, 22);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> BigSigma1(Vector256<uint> x) => Rotate(x, 6) ^ Rotate(x, 11) ^ Rotate(x, 25);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma0(Vector256<uint> x) => Rotate(x, 7) ^ Rotate(x, 18) ^ Vector256.ShiftRightLogical(x, 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> SmallSigma1(Vector256<uint> x) => Rotate(x, 17) ^ Rotate(x, 19) ^ Vector256.ShiftRightLogical(x, 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Choose(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => (x & y) ^ Vector256.AndNot(z, x);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Majority(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) => (x & y) | (z & (x | y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<uint> Rotate(Vector256<uint> x, int count)
        => Vector256.ShiftRightLogical(x, count) | Vector256.ShiftLeft(x, 32 - count);
}
