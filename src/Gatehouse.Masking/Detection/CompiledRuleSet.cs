using System.Buffers;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules;

namespace Gatehouse.Masking.Detection;

/// <summary>The rules of one engine, compiled and indexed for the scanner; immutable once built.</summary>
internal sealed class CompiledRuleSet
{
    /// <summary>Characters of real context kept before a window so that lookbehinds never see a false edge.</summary>
    public const int Margin = 16;

    public CompiledRuleSet(
        IReadOnlyList<MaskingRule> rules, Func<MaskingRule, RedactionStyle> styleOf, Func<MaskingRule, bool>? keepsPlaceholders = null)
    {
        Rules = [.. rules.Select((rule, i) => new CompiledRule(rule, i, styleOf(rule), keepsPlaceholders?.Invoke(rule) ?? false))];
        var entries = new List<KeywordEntry>();
        foreach (var group in Rules
                     .Where(r => r.Rule.Anchor != RuleAnchor.Numeric)
                     .SelectMany(r => r.Rule.Keywords.Select(k => (Keyword: k, Rule: r)))
                     .GroupBy(x => x.Keyword, StringComparer.OrdinalIgnoreCase))
        {
            var ruleIndexes = group.Select(x => x.Rule.Index).Distinct().ToArray();
            entries.Add(new KeywordEntry(group.Key, ruleIndexes, Guards(group.Select(x => x.Rule))));
        }

        Keywords = new KeywordIndex(entries);
        TailGuards = Guards(Rules.Where(r => r.Rule.Anchor == RuleAnchor.Keyword));
        NumericRules = [.. Rules.Where(r => r.Rule.Anchor == RuleAnchor.Numeric)];
        NumericMaxBefore = NumericRules.Length == 0 ? 0 : NumericRules.Max(r => r.Rule.Before);
        LongestReachAfterHit = Keywords.MaxKeywordLength + (Rules.Length == 0 ? 0 : Rules.Max(r => r.Rule.After));
        NumericMaxAfter = NumericRules.Length == 0 ? 0 : NumericRules.Max(r => r.Rule.After);
        var widest = Rules.Length == 0 ? 0 : Rules.Max(r => r.Rule.Before + r.Rule.After);
        LongestWindow = widest + Keywords.MaxKeywordLength + NumericTokens.MaxLength + Margin;
    }

    public CompiledRule[] Rules { get; }

    public KeywordIndex Keywords { get; }

    /// <summary>What a keyword that has not arrived yet could claim of the text's end (rules that reach back).</summary>
    public TailGuard[] TailGuards { get; }

    public CompiledRule[] NumericRules { get; }

    public int NumericMaxBefore { get; }

    public int NumericMaxAfter { get; }

    /// <summary>The furthest a window reaches past the start of its keyword hit.</summary>
    public int LongestReachAfterHit { get; }

    /// <summary>
    /// An upper bound on the text a single match depends on (window plus lookbehind margin plus anchor), which is the
    /// left context a streaming scan keeps so that it sees exactly what a whole-text scan sees.
    /// </summary>
    public int LongestWindow { get; }

    // What the rules' matches may claim before their keyword: the longest reach per alphabet (null: any character).
    private static TailGuard[] Guards(IEnumerable<CompiledRule> rules) => [.. rules
        .Where(r => r.Rule.Before > 0)
        .DistinctBy(r => r.Index)
        .GroupBy(r => r.Rule.BeforeChars ?? "")
        .Select(g => new TailGuard(g.Key.Length == 0 ? null : SearchValues.Create(g.Key), g.Max(r => r.Rule.Before)))];
}
