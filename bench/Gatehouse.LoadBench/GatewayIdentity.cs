namespace Gatehouse.LoadBench;

/// <summary>How the benchmark's clients identify themselves to the gateway.</summary>
internal enum GatewayIdentity
{
    /// <summary>An API key from <c>gatehouse keys create</c>, verified against the store (cached by the gateway).</summary>
    ApiKey,

    /// <summary>
    /// An RS256 access token from the development issuer (<c>gatehouse serve --dev</c>, <c>gatehouse dev token</c>),
    /// validated by the same OIDC path as an identity provider's token: what most clients of a company present.
    /// </summary>
    OidcToken,
}
