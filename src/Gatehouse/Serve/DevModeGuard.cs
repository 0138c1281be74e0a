using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;

namespace Gatehouse.Serve;

/// <summary>
/// Keeps development mode and production apart: <c>--dev</c> serves only a configuration that says <c>dev: true</c> and
/// trusts no issuer but its own, and a gateway outside development mode neither serves such a file nor a store folder
/// that holds the development issuer's key.
/// </summary>
/// <remarks>
/// Development mode lets anyone who can read its key file mint tokens, with any groups. Added beside a production
/// configuration (its issuers, its store, its API keys) that would be a way around every identity check, so the two
/// never mix; see docs/designs/dev-mode.md.
/// </remarks>
internal static class DevModeGuard
{
    /// <summary>Returns why <paramref name="config"/> must not be served with <paramref name="dev"/> as given, or null.</summary>
    public static string? Check(GatehouseConfig config, string? configPath, bool dev)
    {
        if (dev)
        {
            if (configPath is not null && !config.DevelopmentOnly)
            {
                return $"development mode refuses the configuration '{configPath}': it does not say 'dev: true', so it may be a production one, "
                    + "and a development gateway lets anyone who can read its key mint tokens. Put 'dev: true' at the top of a file meant "
                    + "for development, or run 'gatehouse serve' without --dev.";
            }

            var devIssuer = DevIssuer.IssuerConfig(DevDefaults.PublicBase(config)).Issuer;
            for (var i = 0; i < config.Identity.Oidc.Count; i++)
            {
                if (config.Identity.Oidc[i].Issuer != devIssuer)
                {
                    return $"development mode refuses to trust other issuers: identity.oidc[{i}] is '{config.Identity.Oidc[i].Issuer}'. "
                        + "A development gateway mints its own tokens; remove identity.oidc from the development configuration, or run without --dev.";
                }
            }

            return null;
        }

        if (config.DevelopmentOnly)
        {
            return $"the configuration '{configPath}' says 'dev: true': it is for development only. Run 'gatehouse serve --dev', "
                + "or remove 'dev: true' from a production configuration.";
        }

        var devKey = ServeCommand.DevKeyPath(config);
        return File.Exists(devKey)
            ? $"the store folder holds the development issuer's key '{devKey}' (left by 'serve --dev' or 'dev token'): whoever reads it "
                + "can mint tokens, so a gateway outside development mode does not use that folder. Point storage.sqlite at a folder of its "
                + $"own, or delete '{devKey}' if this store is meant for production."
            : null;
    }
}
