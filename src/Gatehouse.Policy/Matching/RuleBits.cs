namespace Gatehouse.Policy.Matching;

/// <summary>Bit operations over a set of rule indexes stored as 64-bit words.</summary>
internal static class RuleBits
{
    public static int Words(int rules) => (rules + 63) / 64;

    public static void Set(ulong[] bits, int rule) => bits[rule >> 6] |= 1UL << (rule & 63);

    public static bool IsSet(ReadOnlySpan<ulong> bits, int rule) => (bits[rule >> 6] & (1UL << (rule & 63))) != 0;

    public static void Or(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= source[i];
        }
    }

    public static void And(Span<ulong> target, ReadOnlySpan<ulong> source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= source[i];
        }
    }
}
