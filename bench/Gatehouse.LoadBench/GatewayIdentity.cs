namespace Gatehouse.LoadBench;

/// <summary>How the benchmark's clients identify themselves to the gateway.</summary>
internal enum GatewayIdentity
{
    /// <summary>An API key from <c>gatehouse keys create</c>, verified against the store (cached by the gateway).</summary>
    ApiKey,

    /// <summary>
    /// An RS256 access token from an issuer the gateway trusts as a production gateway trusts its identity provider:
    /// <c>identity.oidc</c> names it, and the gateway reads its discovery document and JWKS over HTTP. The issuer is
    /// another process (<see cref="BenchIssuer"/>); the gateway itself runs without <c>--dev</c>.
    /// </summary>
    OidcToken,

    /// <summary>
    /// An RS256 access token from the gateway's own development issuer (<c>gatehouse serve --dev</c>,
    /// <c>gatehouse dev token</c>): development mode with everything it adds (the console, the demo connection).
    /// Not a production shape; measured only when named (<c>--targets oidc-dev</c>).
    /// </summary>
    DevToken,
}
