using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>Crafts tokens the way an attacker or a misbehaving IdP would, to prove the gateway refuses them.</summary>
internal static class TokenForge
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    /// <summary>Describes a well-formed token; tests change one property to make it bad.</summary>
    public static SecurityTokenDescriptor Descriptor(string issuer, SecurityKey key, DateTimeOffset now, string algorithm = SecurityAlgorithms.RsaSha256) => new()
    {
        Issuer = issuer,
        Audience = OidcTestServer.Audience,
        TokenType = "at+jwt",
        IssuedAt = now.UtcDateTime,
        NotBefore = now.UtcDateTime,
        Expires = now.UtcDateTime.AddMinutes(10),
        SigningCredentials = new SigningCredentials(key, algorithm),
        Claims = new Dictionary<string, object> { ["sub"] = "mallory", ["groups"] = new[] { "admins" } },
    };

    public static string Sign(SecurityTokenDescriptor descriptor) => Handler.CreateToken(descriptor);

    /// <summary>An unsigned token (<c>alg: none</c>) with otherwise valid claims.</summary>
    public static string Unsigned(string issuer, DateTimeOffset now)
    {
        var header = new { alg = "none", typ = "at+jwt" };
        var payload = new Dictionary<string, object>
        {
            ["iss"] = issuer,
            ["aud"] = OidcTestServer.Audience,
            ["sub"] = "mallory",
            ["groups"] = new[] { "admins" },
            ["iat"] = now.ToUnixTimeSeconds(),
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(10).ToUnixTimeSeconds(),
        };
        return $"{Encode(header)}.{Encode(payload)}.";
    }

    /// <summary>An HMAC key whose secret is the RSA public key's bytes: the classic algorithm-confusion attack.</summary>
    public static SymmetricSecurityKey PublicKeyAsHmacSecret(RsaSecurityKey key)
    {
        var parameters = key.Rsa?.ExportParameters(false) ?? key.Parameters;
        var publicPem = Encoding.UTF8.GetBytes(Base64UrlEncoder.Encode(parameters.Modulus) + Base64UrlEncoder.Encode(parameters.Exponent));
        return new SymmetricSecurityKey(publicPem) { KeyId = key.KeyId };
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));
}
