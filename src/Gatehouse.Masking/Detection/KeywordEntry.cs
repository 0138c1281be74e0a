namespace Gatehouse.Masking.Detection;

/// <summary>One prefilter keyword and the rules it triggers.</summary>
internal sealed record KeywordEntry(string Keyword, int[] Rules, int MaxBefore);
