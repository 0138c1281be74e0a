using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gatehouse.Masking.Redaction;

/// <summary>The text of a fingerprint: its eight bytes in lower-case hex, most significant first.</summary>
internal static class FingerprintHex
{
    public const int Length = 2 * Fingerprinter.FingerprintBytes;

    public static string Format(ulong macPrefix) => Ssse3.IsSupported
        ? string.Create(Length, macPrefix, static (chars, value) => Write(value, chars))
        : macPrefix.ToString("x16", CultureInfo.InvariantCulture);

    // Splits each byte into its two nibbles, looks all sixteen up in one shuffle and widens them to chars.
    private static void Write(ulong value, Span<char> chars)
    {
        var digits = Vector128.Create("0123456789abcdef"u8);
        var bytes = Vector128.CreateScalar(BinaryPrimitives.ReverseEndianness(value)).AsByte();
        var high = Sse2.ShiftRightLogical(bytes.AsUInt16(), 4).AsByte() & Vector128.Create((byte)0xF);
        var low = bytes & Vector128.Create((byte)0xF);
        var ascii = Ssse3.Shuffle(digits, Sse2.UnpackLow(high, low));
        var (first, second) = Vector128.Widen(ascii);
        var destination = MemoryMarshal.Cast<char, ushort>(chars);
        first.CopyTo(destination);
        second.CopyTo(destination[Vector128<ushort>.Count..]);
    }
}
