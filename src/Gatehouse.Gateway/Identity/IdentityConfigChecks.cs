using System.Globalization;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Identity;

/// <summary>Checks an <see cref="IdentityConfig"/> at start-up and reports every error with its YAML path.</summary>
internal static class IdentityConfigChecks
{
    /// <summary>The signature algorithms an issuer may allow: asymmetric only.</summary>
    /// <remarks>An HMAC algorithm would let anyone holding the shared secret, or a public key misused as one, mint tokens.</remarks>
    public static readonly IReadOnlySet<string> SupportedAlgorithms =
        new HashSet<string>(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"], StringComparer.Ordinal);

    /// <summary>The largest clock skew accepted.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Returns one line per error, <c>path: message</c>; empty when the configuration is valid.</summary>
    public static IReadOnlyList<string> Validate(IdentityConfig config, string path = "identity")
    {
        var errors = new List<string>();
        if (config.Oidc.Count == 0 && !config.ApiKeys)
        {
            errors.Add($"{path}: no way to identify callers; configure {path}.oidc or enable {path}.apiKeys");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < config.Oidc.Count; index++)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}.oidc[{index}]");
            var issuer = config.Oidc[index];
            CheckUrl(errors, $"{at}.issuer", issuer.Issuer, issuer.AllowHttp);
            if (issuer.Issuer.Contains('#', StringComparison.Ordinal))
            {
                // OpenID Connect Discovery 1.0, section 3: an issuer has no fragment. The principal key relies on it.
                errors.Add($"{at}.issuer: '{issuer.Issuer}' has a fragment (#); an issuer URL has none");
            }

            if (issuer.MetadataAddress is not null)
            {
                CheckUrl(errors, $"{at}.metadataAddress", issuer.MetadataAddress, issuer.AllowHttp);
            }

            if (!seen.TryAdd(issuer.Issuer, index))
            {
                errors.Add($"{at}.issuer: '{issuer.Issuer}' is already trusted by {path}.oidc[{seen[issuer.Issuer]}]");
            }

            if (issuer.Audiences.Count == 0 || issuer.Audiences.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{at}.audiences: required; list the audience (aud) values this gateway accepts");
            }

            if (issuer.Algorithms.Count == 0)
            {
                errors.Add($"{at}.algorithms: at least one signature algorithm is required");
            }

            foreach (var algorithm in issuer.Algorithms.Where(a => !SupportedAlgorithms.Contains(a)))
            {
                errors.Add($"{at}.algorithms: '{algorithm}' is not accepted; use asymmetric algorithms ({string.Join(", ", SupportedAlgorithms)})");
            }

            if (issuer.ClockSkew < TimeSpan.Zero || issuer.ClockSkew > MaxClockSkew)
            {
                errors.Add($"{at}.clockSkew: {issuer.ClockSkew} is outside 0 to {MaxClockSkew}");
            }

            if (issuer.TokenTypes.Count == 0)
            {
                errors.Add($"{at}.tokenTypes: at least one token type is required (JWT, at+jwt)");
            }

            if (string.IsNullOrWhiteSpace(issuer.GroupsClaim))
            {
                errors.Add($"{at}.groupsClaim: must name a claim or a dotted path such as realm_access.roles");
            }
        }

        return errors;
    }

    private static void CheckUrl(List<string> errors, string path, string value, bool allowHttp)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            errors.Add($"{path}: '{value}' is not an absolute http(s) URL");
        }
        else if (uri.Scheme == Uri.UriSchemeHttp && !allowHttp)
        {
            errors.Add($"{path}: '{value}' uses plain HTTP; use https, or set allowHttp: true for a loopback or development issuer");
        }
    }
}
