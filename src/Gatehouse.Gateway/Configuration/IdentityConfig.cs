namespace Gatehouse.Gateway.Configuration;

/// <summary>How callers are identified: OIDC issuers and API keys.</summary>
public sealed record IdentityConfig
{
    /// <summary>Gets the trusted OIDC issuers; several may be trusted at once.</summary>
    public IReadOnlyList<OidcIssuerConfig> Oidc { get; init; } = [];

    /// <summary>Gets a value indicating whether API keys are accepted; the default is true.</summary>
    public bool ApiKeys { get; init; } = true;

    /// <summary>
    /// Gets how long an API key lookup is remembered; the default is 5 seconds, zero disables it. A key revoked by
    /// another process stops working within this time.
    /// </summary>
    public TimeSpan ApiKeyCache { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the validated-token cache's limits; the default remembers up to 10,000 tokens for up to 5 minutes.</summary>
    public TokenCacheConfig TokenCache { get; init; } = new();
}
