using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Development;

/// <summary>Mints development access tokens (<c>gatehouse dev token</c>) that the gateway validates like any IdP's.</summary>
internal sealed class DevTokenMinter(DevSigningKey key, TimeProvider time)
{
    /// <summary>The default token lifetime: eight hours, a working day.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Mints an RS256 <c>at+jwt</c> token for <paramref name="user"/> issued by the gateway at <paramref name="publicBase"/>.</summary>
    /// <param name="publicBase">The gateway's public base URL, for example <c>http://127.0.0.1:8080</c>.</param>
    /// <param name="user">The subject; also the e-mail when it is an address, otherwise <c>{user}@dev.local</c>.</param>
    /// <param name="groups">The groups the token grants.</param>
    /// <param name="lifetime">How long the token is valid; <see cref="DefaultLifetime"/> when null.</param>
    public string Mint(string publicBase, string user, IReadOnlyList<string> groups, TimeSpan? lifetime = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(user);
        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = DevIssuer.IssuerUrl(publicBase),
            Audience = DevIssuer.Audience,
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? DefaultLifetime),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = user,
                ["name"] = user,
                ["email"] = user.Contains('@', StringComparison.Ordinal) ? user : user + "@dev.local",
                ["groups"] = groups.ToArray(),
                ["jti"] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            },
        };
        return Handler.CreateToken(descriptor);
    }

    /// <summary>
    /// Mints the ID token of a console sign-in (OpenID Connect Core 1.0, section 2): issued by <paramref name="issuer"/>
    /// to <paramref name="clientId"/>, valid for five minutes, echoing the sign-in request's <paramref name="nonce"/>.
    /// </summary>
    public string MintIdToken(string issuer, DevUser user, string clientId, string? nonce)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user.Subject,
            ["name"] = user.Subject,
            ["email"] = user.Subject + "@dev.local",
            ["email_verified"] = true,
            ["groups"] = user.Groups.ToArray(),
        };
        if (nonce is not null)
        {
            claims["nonce"] = nonce;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = clientId,
            TokenType = "JWT",
            IssuedAt = now,
            NotBefore = now,
            Expires = now + TimeSpan.FromMinutes(5),
            SigningCredentials = new SigningCredentials(key.SecurityKey, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
    }
}
