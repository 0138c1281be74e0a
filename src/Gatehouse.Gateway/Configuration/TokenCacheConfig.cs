namespace Gatehouse.Gateway.Configuration;

/// <summary>How long and how many validated OIDC access tokens are remembered, so that a token is verified once.</summary>
public sealed record TokenCacheConfig
{
    /// <summary>Gets the most tokens remembered; the default is 10,000, zero disables the cache.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>
    /// Gets the longest a validated token is remembered, however far off its expiry (exp) is; the default is 5 minutes.
    /// </summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromMinutes(5);
}
