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

    /// <summary>
    /// Gets the base URL the development issuer is published under: the public URL, else the first listen URL with a
    /// wildcard host (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, <c>[::]</c>) read as <c>127.0.0.1</c>.
    /// </summary>
    /// <remarks><c>serve --dev</c> and <c>dev token</c> both call this, so that minted tokens name the issuer the server trusts.</remarks>
    public static string PublicBase(ServerConfig server)
    {
        var url = server.PublicUrl ?? server.Urls.FirstOrDefault() ?? "http://127.0.0.1:8080";
        var wildcard = url.IndexOf("://", StringComparison.Ordinal) is var start and >= 0 ? start + 3 : 0;
        foreach (var host in (string[])["0.0.0.0", "*", "+", "[::]"])
        {
            if (string.CompareOrdinal(url, wildcard, host, 0, host.Length) == 0)
            {
                url = string.Concat(url.AsSpan(0, wildcard), "127.0.0.1", url.AsSpan(wildcard + host.Length));
                break;
            }
        }

        return url.TrimEnd('/');
    }

    /// <summary>Gets the issuer URL for a gateway reachable at <paramref name="publicBase"/>.</summary>
    public static string IssuerUrl(string publicBase) => publicBase.TrimEnd('/') + PathPrefix;

    /// <summary>
    /// Gets the issuer configuration the gateway adds in development mode; plain HTTP is allowed, and the e-mail it
    /// derives from the subject is trusted, as it is no more chosen by the caller than the subject is.
    /// </summary>
    public static OidcIssuerConfig IssuerConfig(string publicBase) => new()
    {
        Issuer = IssuerUrl(publicBase),
        Audiences = [Audience],
        AllowHttp = true,
        TrustEmail = true,
        GroupsClaim = "groups",
        Algorithms = ["RS256"],
    };
}
