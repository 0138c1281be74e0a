using Gatehouse.Masking;

namespace Gatehouse.Gateway.Configuration;

/// <summary>The masking engine's deployment-wide settings: rules, redaction and the fingerprint key.</summary>
public sealed record MaskingConfig
{
    /// <summary>Gets the engine options (rules, PII toggles, redaction styles, holdback cap).</summary>
    public MaskingOptions Engine { get; init; } = new();

    /// <summary>
    /// Gets where the fingerprint key comes from (<c>env:NAME</c>, <c>file:PATH</c>), safe to show; null when the
    /// gateway keeps a generated key beside its database.
    /// </summary>
    public string? FingerprintKeySource { get; init; }
}
