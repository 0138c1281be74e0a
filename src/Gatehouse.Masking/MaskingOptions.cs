using Gatehouse.Masking.Redaction;

namespace Gatehouse.Masking;

/// <summary>Configures a <see cref="MaskingEngine"/>: which rules run and how values are replaced.</summary>
public sealed record MaskingOptions
{
    /// <summary>Built-in rule ids that are switched off. Default none.</summary>
    public IReadOnlyList<string> DisabledRules { get; init; } = [];

    /// <summary>
    /// Rules whose published documentation examples (findings with <see cref="Finding.Placeholder"/> set) are left in
    /// the text instead of masked; they are still reported. Only rules that recognise placeholders may be listed.
    /// Default none: placeholders are masked like any other match.
    /// </summary>
    public IReadOnlyList<string> UnmaskedPlaceholderRules { get; init; } = [];

    /// <summary>Organisation-specific rules. Default none.</summary>
    public IReadOnlyList<CustomRuleOptions> CustomRules { get; init; } = [];

    /// <summary>
    /// Internal host patterns: <c>*.corp.example.com</c> matches every host under that domain, <c>build.internal</c>
    /// exactly that host; the host, port and path of a URL on such a host are masked. Default none.
    /// </summary>
    public IReadOnlyList<string> InternalHostPatterns { get; init; } = [];

    /// <summary>Which kinds of personal data are masked.</summary>
    public PiiOptions Pii { get; init; } = new();

    /// <summary>The redaction style of every rule without an override. Default <see cref="RedactionStyle.Marker"/>.</summary>
    public RedactionStyle DefaultRedaction { get; init; } = RedactionStyle.Marker;

    /// <summary>Per-rule redaction styles, by rule id. Private-key blocks always use the marker.</summary>
    public IReadOnlyDictionary<string, RedactionStyle> RedactionByRule { get; init; } =
        new Dictionary<string, RedactionStyle>();

    /// <summary>
    /// The per-deployment key of fingerprints and pseudonyms (at least 16 bytes). Default empty: a random key per
    /// engine, so fingerprints then correlate only within one process.
    /// </summary>
    public ReadOnlyMemory<byte> FingerprintKey { get; init; }

    /// <summary>The most text a streaming redactor holds back before it masks instead. Default 512 characters.</summary>
    public int StreamingHoldbackCap { get; init; } = 512;

    /// <summary>The cache of whole-text masking results. Default 64 MiB for texts of 256 characters or more.</summary>
    public ScanCacheOptions ScanCache { get; init; } = new();
}
