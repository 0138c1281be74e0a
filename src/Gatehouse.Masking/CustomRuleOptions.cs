namespace Gatehouse.Masking;

/// <summary>An organisation-specific rule from configuration.</summary>
/// <remarks>
/// The whole regex match is masked; context that must precede the value belongs in a lookbehind. The pattern runs
/// only near one of the keywords, so at least one keyword is required: it is what keeps the engine fast.
/// </remarks>
public sealed record CustomRuleOptions
{
    /// <summary>The rule id shown in markers and findings, such as <c>acme-deploy-key</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The .NET regular expression that matches the value.</summary>
    public required string Pattern { get; init; }

    /// <summary>Literal keywords (ASCII, case-insensitive) near which the pattern is run.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Minimum Shannon entropy in bits per character of a match; 0 (the default) disables the check.</summary>
    public double EntropyFloor { get; init; }

    /// <summary>Exact values that are never reported. Default empty.</summary>
    public IReadOnlyList<string> AllowList { get; init; } = [];

    /// <summary>The category. Default <see cref="RuleCategory.Secret"/>.</summary>
    public RuleCategory Category { get; init; } = RuleCategory.Secret;

    /// <summary>How far (characters) a match may reach past the keyword. Default 200.</summary>
    public int MaxLength { get; init; } = 200;

    /// <summary>How far (characters) a match may start before the keyword. Default 0.</summary>
    public int MaxBefore { get; init; }
}
