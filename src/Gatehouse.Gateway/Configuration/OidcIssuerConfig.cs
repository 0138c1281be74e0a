namespace Gatehouse.Gateway.Configuration;

/// <summary>One trusted OIDC issuer whose access tokens are validated through discovery and JWKS.</summary>
public sealed record OidcIssuerConfig
{
    /// <summary>Gets the issuer URL, exactly as it appears in the tokens' <c>iss</c> claim.</summary>
    public required string Issuer { get; init; }

    /// <summary>Gets the accepted audiences; a token must carry one of them.</summary>
    public required IReadOnlyList<string> Audiences { get; init; }

    /// <summary>Gets the discovery document URL; the default is <c>{issuer}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; init; }

    /// <summary>Gets a value indicating whether an <c>http://</c> issuer is allowed; the default is false.</summary>
    public bool AllowHttp { get; init; }

    /// <summary>
    /// Gets a value indicating whether this issuer's <c>email</c> claim is trusted without <c>email_verified: true</c>;
    /// the default is false.
    /// </summary>
    /// <remarks>
    /// An e-mail address matters wherever roles, reviewers or policy rules name people by address. Set this only for
    /// an IdP whose users cannot choose their own address (a corporate directory that does not send the claim).
    /// </remarks>
    public bool TrustEmail { get; init; }

    /// <summary>Gets the claim holding groups: a name or a dotted path such as <c>realm_access.roles</c>.</summary>
    public string GroupsClaim { get; init; } = "groups";

    /// <summary>Gets the signature algorithms accepted; the default is RS256, RS384, RS512, PS256, ES256, ES384.</summary>
    public IReadOnlyList<string> Algorithms { get; init; } = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"];

    /// <summary>Gets the allowed clock skew; the default is 60 seconds.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Gets how soon after a key refresh an unknown <c>kid</c> may trigger another JWKS fetch; the default is 60
    /// seconds. A signing-key rotation is picked up within this interval without a restart.
    /// </summary>
    /// <remarks>Short enough that a rotation is seen quickly; long enough that tokens with made-up kids cannot hammer the IdP.</remarks>
    public TimeSpan KeyRefreshInterval { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets the accepted <c>typ</c> header values; the default is <c>JWT</c> and <c>at+jwt</c> (RFC 9068).</summary>
    public IReadOnlyList<string> TokenTypes { get; init; } = ["JWT", "at+jwt"];
}
