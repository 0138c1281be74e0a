using System.Buffers;
using System.Text.RegularExpressions;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules;
using Gatehouse.Masking.Rules.Validation;

namespace Gatehouse.Masking.Detection;

/// <summary>A rule with its compiled pattern and the redaction style chosen for it by the options.</summary>
/// <param name="rule">The rule.</param>
/// <param name="index">Its index in the rule set.</param>
/// <param name="style">Its redaction style.</param>
/// <param name="keepsPlaceholders">Whether this rule's placeholders are left in the text (reported, not masked).</param>
internal sealed class CompiledRule(MaskingRule rule, int index, RedactionStyle style, bool keepsPlaceholders = false)
{
    public MaskingRule Rule { get; } = rule;

    public int Index { get; } = index;

    public Regex Regex { get; } = RegexCache.Get(rule.Pattern);

    /// <summary>For rules whose matches start only just after an operator (null for the others): the pattern anchored
    /// at the start position (<c>\G</c>), without its leading lookbehind when it has one (see
    /// <see cref="AnchoredLookbehind"/>).</summary>
    public Regex? AnchoredRegex { get; } = !rule.StartsAfterOperator ? null
        : RegexCache.Get(@"\G(?:" + (LeadingLookbehind.TrySplit(rule.Pattern, out _, out var rest) ? rest : rule.Pattern) + ")");

    /// <summary>The leading lookbehind of an operator-anchored rule, anchored at the start position: tested only
    /// where <see cref="AnchoredRegex"/> matched.</summary>
    public Regex? AnchoredLookbehind { get; } = rule.StartsAfterOperator && LeadingLookbehind.TrySplit(rule.Pattern, out var behind, out _)
        ? RegexCache.Get(@"\G" + behind)
        : null;

    public RedactionStyle Style { get; } = rule.Anchor == RuleAnchor.Block ? RedactionStyle.Marker : style;

    public string Marker { get; } = "[MASKED:" + rule.Id + "]";

    public SearchValues<char>? CharBefore { get; } =
        rule.RequiresCharBefore && rule.BeforeChars is not null ? SearchValues.Create(rule.BeforeChars) : null;

    public SearchValues<char>? ExtendOver { get; } = rule.ExtendOver is null ? null : SearchValues.Create(rule.ExtendOver);

    public NumberPrecheck Precheck { get; } = NumberPrechecks.For(rule);

    /// <summary>Whether a match flagged as a placeholder is left in the text instead of replaced (it is still reported).</summary>
    public bool KeepsPlaceholders { get; } = keepsPlaceholders && rule.Placeholder is not null;

    /// <summary>Applies <see cref="MaskingRule.Placeholder"/> to an accepted match, with the same window as
    /// <see cref="AcceptsInContext"/>, so a streamed scan flags exactly what a whole-text scan flags.</summary>
    public bool IsPlaceholder(ReadOnlySpan<char> window, int start, int end) =>
        Rule.Placeholder is { } check && check(window[..start], window[start..Math.Min(end, window.Length)], window[Math.Min(end, window.Length)..]);

    /// <summary>Whether <paramref name="value"/>, a match of this rule, carries a checksum that verifies.</summary>
    /// <remarks>Computed for reported findings only, never per candidate, so it costs the scan nothing.</remarks>
    public ChecksumStatus ChecksumOf(ReadOnlySpan<char> value) =>
        Rule.Checksum is not { } checksum ? ChecksumStatus.None
        : checksum(value) ? ChecksumStatus.Valid
        : ChecksumStatus.Invalid;

    /// <summary>Applies <see cref="MaskingRule.InContext"/>, the confirmation that looks around the match.</summary>
    /// <param name="window">The match's window, up to its end (never past it).</param>
    /// <param name="start">The match's start in <paramref name="window"/>.</param>
    /// <param name="end">The match's end in <paramref name="window"/> (may lie past it for an extended token).</param>
    public bool AcceptsInContext(ReadOnlySpan<char> window, int start, int end) =>
        Rule.InContext is not { } check || check(window[..start], window[start..Math.Min(end, window.Length)], window[Math.Min(end, window.Length)..]);

    /// <summary>Applies the confirmations that a regex cannot express: validator, entropy, placeholders, allow-list.</summary>
    public bool Accepts(ReadOnlySpan<char> value)
    {
        if (Rule.Validator is { } validator && !validator(value))
        {
            return false;
        }

        if (Rule.EntropyFloor > 0 && Entropy.BitsPerChar(value) < Rule.EntropyFloor)
        {
            return false;
        }

        if (Rule.UseStopWords && StopWords.IsPlaceholder(value))
        {
            return false;
        }

        foreach (var allowed in Rule.AllowList)
        {
            if (value.SequenceEqual(allowed))
            {
                return false;
            }
        }

        return true;
    }
}
