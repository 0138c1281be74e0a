using System.Globalization;

namespace Gatehouse.Gateway.Identity;

/// <summary>The authentication scheme names the gateway registers.</summary>
internal static class GatehouseAuthenticationSchemes
{
    /// <summary>The selector: forwards to the scheme that matches the presented credential. The default scheme.</summary>
    public const string Selector = "Gatehouse";

    /// <summary>Validates <c>gk_</c> API keys.</summary>
    public const string ApiKey = "Gatehouse.ApiKey";

    /// <summary>Refuses requests whose credential cannot be routed (missing, ambiguous, unknown issuer).</summary>
    public const string Rejected = "Gatehouse.Rejected";

    /// <summary>Gets the JwtBearer scheme of the configured OIDC issuer at <paramref name="index"/>.</summary>
    public static string Oidc(int index) => "Gatehouse.Oidc." + index.ToString(CultureInfo.InvariantCulture);
}
