using CsCheck;

namespace Gatehouse.Protocols.Tests;

/// <summary>Splits bytes into chunks at given offsets, and generates such offsets.</summary>
internal static class Chunking
{
    public static IEnumerable<byte[]> Split(byte[] bytes, IEnumerable<int>? splits)
    {
        var start = 0;
        foreach (var split in (splits ?? []).Select(s => Math.Clamp(s, 0, bytes.Length)).Order())
        {
            yield return bytes[start..split];
            start = split;
        }

        yield return bytes[start..];
    }

    /// <summary>Generates up to 40 split offsets within <paramref name="length"/> bytes (empty chunks included).</summary>
    public static Gen<int[]> Splits(int length) => Gen.Int[0, length].Array[0, 40];

    /// <summary>Every split into one-byte chunks.</summary>
    public static int[] EveryByte(int length) => Enumerable.Range(1, Math.Max(0, length - 1)).ToArray();
}
