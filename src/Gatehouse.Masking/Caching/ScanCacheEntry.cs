namespace Gatehouse.Masking.Caching;

/// <summary>One cached result: the exact text it was computed from, the result, and what it is counted as.</summary>
/// <param name="Key">The text's hash.</param>
/// <param name="Text">A copy of the text, compared on every hit.</param>
/// <param name="Result">The masking result (read-only findings).</param>
/// <param name="Bytes">The estimated memory the entry holds.</param>
internal sealed record ScanCacheEntry(UInt128 Key, string Text, MaskingResult Result, long Bytes)
{
    // Object headers, the dictionary slot, the list node and the result: a rough, deliberately generous constant.
    private const int Overhead = 256;

    // A finding (struct, 40 bytes in a list) and its 16-character fingerprint string (56 bytes).
    private const int PerFinding = 96;

    /// <summary>Estimates the memory held by caching <paramref name="result"/> for a text of <paramref name="length"/> characters.</summary>
    public static long SizeOf(int length, MaskingResult result)
        => Overhead + (2L * length) + (2L * (result.MaskedText?.Length ?? 0)) + ((long)PerFinding * result.Findings.Count);
}
