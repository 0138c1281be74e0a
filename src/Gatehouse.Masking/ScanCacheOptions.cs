namespace Gatehouse.Masking;

/// <summary>Configures the engine's scan cache: masking results reused when the same text comes again.</summary>
/// <remarks>
/// Coding agents resend their system prompt, tool definitions and the whole conversation on every turn, so most of a
/// request was masked on the previous turn. The cache belongs to one engine, so a result is only ever reused under the
/// exact rules, settings and fingerprint key that produced it; a reload builds a new engine and starts empty.
/// </remarks>
public sealed record ScanCacheOptions
{
    /// <summary>The default memory budget: 64 MiB.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>
    /// The most memory, in bytes, the cached texts, masked texts and findings may take (estimated). Default 64 MiB;
    /// 0 disables the cache.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>
    /// The shortest text, in characters, whose result is cached. Default 256: shorter texts are masked faster than
    /// they are looked up.
    /// </summary>
    public int MinChars { get; init; } = 256;
}
