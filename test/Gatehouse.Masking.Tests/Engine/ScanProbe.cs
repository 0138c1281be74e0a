using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules;

namespace Gatehouse.Masking.Tests.Engine;

/// <summary>Whole-text scans of rule sets that differ in one shortcut, for differential tests.</summary>
internal static class ScanProbe
{
    public static CompiledRuleSet Compile(IEnumerable<MaskingRule> rules) => new([.. rules], _ => RedactionStyle.Marker);

    /// <summary>The candidates of a scan that reports those starting at or after <paramref name="minStart"/> (the rest of
    /// the text is left context, as in a streaming scan).</summary>
    public static List<Candidate> Candidates(CompiledRuleSet set, string text, int minStart = 0)
    {
        var output = default(PooledList<Candidate>);
        try
        {
            Scanner.Scan(set, text, minStart, true, ref output);
            return [.. output.Span.ToArray()];
        }
        finally
        {
            output.Dispose();
        }
    }

    /// <summary>The candidates that survive overlap resolution, in order: what masking writes.</summary>
    public static List<Candidate> Resolved(CompiledRuleSet set, string text)
    {
        var all = Candidates(set, text).ToArray();
        return [.. all.AsSpan(0, OverlapResolver.Resolve(all, text.Length)).ToArray()];
    }
}
