namespace Gatehouse.Masking.Detection;

/// <summary>One prefilter keyword and the rules it triggers.</summary>
/// <param name="Keyword">The keyword.</param>
/// <param name="Rules">The rules it triggers.</param>
/// <param name="Reach">
/// How far before the keyword its rules' matches may start, and over which characters (one guard per distinct
/// <c>BeforeChars</c>); empty when none reaches back.
/// </param>
internal sealed record KeywordEntry(string Keyword, int[] Rules, TailGuard[] Reach);
