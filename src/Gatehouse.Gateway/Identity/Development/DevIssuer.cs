using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Identity.Development;

/// <summary>
/// The built-in development issuer of <c>serve --dev</c>: an OIDC issuer served by the gateway itself, trusted through
/// the same discovery, JWKS and JwtBearer validation as a real IdP.
/// </summary>
internal static class DevIssuer
{
    /// <summary>The path the issuer lives under.</summary>
    public const string PathPrefix = "/dev-issuer";

    /// <summary>The audience of development tokens.</summary>
    public const string Audience = "gatehouse";

    /// <summary>Gets the issuer URL for a gateway reachable at <paramref name="publicBase"/>.</summary>
    public static string IssuerUrl(string publicBase) => publicBase.TrimEnd('/') + PathPrefix;

    /// <summary>Gets the issuer configuration the gateway adds in development mode; plain HTTP is allowed.</summary>
    public static OidcIssuerConfig IssuerConfig(string publicBase) => new()
    {
        Issuer = IssuerUrl(publicBase),
        Audiences = [Audience],
        AllowHttp = true,
        GroupsClaim = "groups",
        Algorithms = ["RS256"],
    };
}
