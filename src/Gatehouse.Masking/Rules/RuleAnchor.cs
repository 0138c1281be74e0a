namespace Gatehouse.Masking.Rules;

/// <summary>How the prefilter finds the places where a rule's pattern is worth running.</summary>
internal enum RuleAnchor
{
    /// <summary>Any of the rule's keywords (ASCII case-insensitive).</summary>
    Keyword,

    /// <summary>A run of digits and separators (payment cards, phone numbers, IP addresses).</summary>
    Numeric,

    /// <summary>A multi-line block from a BEGIN header to its END line (private keys).</summary>
    Block,
}
