using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.Gateway.Configuration.Identity;

/// <summary>Reads one <c>identity.oidc[]</c> issuer; what its values must satisfy is checked by <see cref="IdentitySection.Validate"/>.</summary>
internal static class OidcIssuerBinder
{
    public static OidcIssuerConfig? Bind(SectionReader s)
    {
        var defaults = new OidcIssuerConfig { Issuer = "", Audiences = [] };
        var issuer = s.RequiredString("issuer");
        var config = new OidcIssuerConfig
        {
            Issuer = issuer ?? "",
            Audiences = s.StringList("audiences") ?? s.StringList("audience") ?? [],
            MetadataAddress = s.String("metadataAddress"),
            AllowHttp = s.Bool("allowHttp", false),
            TrustEmail = s.Bool("trustEmail", false),
            GroupsClaim = s.String("groupsClaim") ?? defaults.GroupsClaim,
            Algorithms = s.StringList("algorithms") ?? defaults.Algorithms,
            ClockSkew = s.Duration("clockSkew", defaults.ClockSkew, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            TokenTypes = s.StringList("tokenTypes") ?? defaults.TokenTypes,
            KeyRefreshInterval = s.Duration("keyRefreshInterval", defaults.KeyRefreshInterval, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
        };
        s.ReportUnknownKeys();
        return issuer is null ? null : config;
    }
}
