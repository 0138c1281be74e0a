using Gatehouse.Gateway.Configuration.Loading;
using Gatehouse.Gateway.Configuration.Sections;
using Gatehouse.Gateway.Identity;

namespace Gatehouse.Gateway.Configuration.Identity;

/// <summary><c>identity</c>: the OIDC issuers, API keys and their caches. What an issuer must satisfy is <c>IdentityConfigChecks</c>.</summary>
internal sealed class IdentitySection : ConfigSection<IdentityConfig>
{
    public override string Key => "identity";

    public override IdentityConfig Read(GatehouseConfig config) => config.Identity;

    public override GatehouseConfig Write(GatehouseConfig config, IdentityConfig? options) => config with { Identity = options ?? new() };

    public override IdentityConfig Bind(SectionReader s, SectionBindContext context)
    {
        var issuers = new List<OidcIssuerConfig>();
        foreach (var item in s.Items("oidc"))
        {
            if (OidcIssuerBinder.Bind(new SectionReader(item, s.Errors)) is { } issuer)
            {
                issuers.Add(issuer);
            }
        }

        var tokenCache = s.Section("tokenCache");
        var cacheDefaults = new TokenCacheConfig();
        var config = new IdentityConfig
        {
            Oidc = issuers,
            ApiKeys = s.Bool("apiKeys", true),
            ApiKeyCache = s.Duration("apiKeyCache", new IdentityConfig().ApiKeyCache, TimeSpan.Zero, TimeSpan.FromMinutes(5)),
            TokenCache = new TokenCacheConfig
            {
                MaxEntries = (int)tokenCache.Long("maxEntries", cacheDefaults.MaxEntries, 0, 1_000_000),
                MaxAge = tokenCache.Duration("maxAge", cacheDefaults.MaxAge, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24)),
            },
        };
        tokenCache.ReportUnknownKeys();
        s.ReportUnknownKeys();
        return config;
    }

    public override void Validate(IdentityConfig options, SectionValidation validation)
    {
        // In development mode the built-in issuer is added after loading, so no issuer is not an error there.
        var identity = validation.Config.Dev && options.Oidc.Count == 0 ? options with { ApiKeys = true } : options;
        foreach (var line in IdentityConfigChecks.Validate(identity, Key))
        {
            var split = line.IndexOf(": ", StringComparison.Ordinal);
            validation.Add(split < 0 ? Key : line[..split], split < 0 ? line : line[(split + 2)..]);
        }
    }
}
