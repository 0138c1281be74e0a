using Gatehouse.Masking.Redaction;

namespace Gatehouse.Masking.Rules;

/// <summary>One detector: where to look (keywords), what to match (pattern) and how to confirm it.</summary>
/// <remarks>
/// The whole regex match is the value that gets masked; context that must precede it is written as a lookbehind.
/// The pattern runs only in a window around each keyword hit: from <see cref="Before"/> characters before the hit to
/// <see cref="After"/> characters after it, cut at the first whitespace when <see cref="StopsAtWhitespace"/>. The
/// window bounds how far a match can reach, which is what bounds the streaming holdback.
/// </remarks>
internal sealed record MaskingRule
{
    public required string Id { get; init; }

    public required RuleCategory Category { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<string> Keywords { get; init; } = [];

    public required string Pattern { get; init; }

    public RuleAnchor Anchor { get; init; } = RuleAnchor.Keyword;

    /// <summary>How far before the keyword hit a match may start.</summary>
    public int Before { get; init; }

    /// <summary>
    /// The characters a match may contain before its keyword (null: any). A streaming scan holds back the trailing run
    /// of these characters, since a keyword arriving next may make them the start of a match.
    /// </summary>
    public string? BeforeChars { get; init; }

    /// <summary>
    /// Whether a match always has at least one of <see cref="BeforeChars"/> right before the keyword (an e-mail's
    /// local part before '@'): a hit without one is skipped before the pattern runs.
    /// </summary>
    public bool RequiresCharBefore { get; init; }

    /// <summary>How far after the end of the keyword hit a match may end.</summary>
    public int After { get; init; } = 100;

    public bool StopsAtWhitespace { get; init; } = true;

    /// <summary>Decides whether a match is a value at all (a range, a parse): a match it rejects is not reported.</summary>
    public ValueValidator? Validator { get; init; }

    /// <summary>
    /// The format's own checksum, for a value whose prefix and shape already identify it: recorded on the finding as
    /// valid or invalid, never a reason to skip the match (a cut, mistyped or test token is masked all the same).
    /// </summary>
    public ValueValidator? Checksum { get; init; }

    /// <summary>
    /// Decides by the match's surroundings in its window (a quote before it, a parenthesis after it): a match it
    /// rejects is not reported. Context rules use it to tell a credential literal from code that names one.
    /// </summary>
    public ContextValidator? InContext { get; init; }

    /// <summary>
    /// Recognises a published documentation example of the format (exact published values and tight documented
    /// shapes only), from the match and its window like <see cref="InContext"/>: such a match is still a finding,
    /// flagged as a placeholder. Null: the rule recognises none.
    /// </summary>
    public ContextValidator? Placeholder { get; init; }

    /// <summary>Minimum Shannon entropy in bits per character; 0 disables the check.</summary>
    public double EntropyFloor { get; init; }

    /// <summary>Rejects values that look like placeholders (changeme, ${VAR}, &lt;token&gt;...).</summary>
    public bool UseStopWords { get; init; }

    /// <summary>Exact values (ordinal) that are never reported.</summary>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    public RedactionStyle? Redaction { get; init; }

    /// <summary>
    /// Characters over which a match that reaches the end of its window is extended, for tokens that may be longer
    /// than any window (JWTs, session tokens): the whole token is masked, never a prefix.
    /// </summary>
    public string? ExtendOver { get; init; }

    /// <summary>
    /// True when every match starts at most <see cref="Detection.Scanner.OperatorReach"/> characters after an
    /// assignment operator character (':', '=' or '>'), as the name-operator-quote lookbehind of context rules requires:
    /// the scanner then tries the pattern only at those positions instead of at every position of the window.
    /// </summary>
    public bool StartsAfterOperator { get; init; }

    /// <summary>
    /// For <see cref="StartsAfterOperator"/> rules whose lookbehind names one of the rule's own keywords: how many
    /// characters after that keyword's end the operator's last character can be at most (0: anywhere in the window).
    /// Every match then belongs to the keyword occurrence just before it, which is itself a hit, so a hit's window only
    /// looks for operators that close to the hit.
    /// </summary>
    public int OperatorWithin { get; init; }

    /// <summary>
    /// For number rules: every match is made of run characters (digits, spaces, '-', '.', '(', ')', '+') and begins with
    /// a digit or with a '+' or '(' right before one, so no match begins before the run; the scanner then starts the
    /// pattern at the run instead of at the window's lookbehind margin.
    /// </summary>
    public bool StartsInRun { get; init; }

    /// <summary>A fake value in the rule's format, used by the documentation and the detection corpus.</summary>
    public string Example { get; init; } = "";
}
