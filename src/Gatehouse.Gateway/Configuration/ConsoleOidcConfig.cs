namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// The console's OpenID Connect client (<c>console.oidc</c>): authorization code flow with PKCE against
/// <see cref="Issuer"/>.
/// </summary>
public sealed record ConsoleOidcConfig
{
    /// <summary>Gets the issuer URL, exactly as its discovery document names it.</summary>
    public required string Issuer { get; init; }

    /// <summary>Gets the client id registered at the issuer for the console.</summary>
    public required string ClientId { get; init; }

    /// <summary>
    /// Gets the client secret, read from <c>clientSecret: {env: NAME}</c> or <c>{file: PATH}</c>; null (the default)
    /// for a public client, which PKCE alone protects.
    /// </summary>
    public string? ClientSecret { get; init; }

    /// <summary>Gets where the secret came from (<c>env:NAME</c> or <c>file:PATH</c>), for messages; never the secret.</summary>
    public string? ClientSecretSource { get; init; }

    /// <summary>Gets a value indicating whether an <c>http://</c> issuer is allowed; the default is false.</summary>
    public bool AllowHttp { get; init; }

    /// <summary>Gets the scopes requested; the default is <c>openid profile email</c>.</summary>
    public IReadOnlyList<string> Scopes { get; init; } = ["openid", "profile", "email"];
}
