using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>Configures one issuer's JwtBearer scheme from its <see cref="OidcIssuerConfig"/>.</summary>
internal static class OidcBearerSetup
{
    /// <summary>How soon after a refresh an unknown <c>kid</c> may trigger another JWKS fetch.</summary>
    /// <remarks>Short enough that a rotation is picked up within a minute, long enough that junk kids cannot hammer the IdP.</remarks>
    public static readonly TimeSpan KeyRefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>Gets the discovery document URL: the configured one, or <c>{issuer}/.well-known/openid-configuration</c>.</summary>
    public static string MetadataAddress(OidcIssuerConfig issuer) =>
        issuer.MetadataAddress ?? issuer.Issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>Applies the issuer's rules; token lifetimes are judged by <paramref name="time"/>.</summary>
    public static void Configure(JwtBearerOptions options, OidcIssuerConfig issuer, TimeProvider time)
    {
        options.TimeProvider = time;
        options.MetadataAddress = MetadataAddress(issuer);
        options.RequireHttpsMetadata = !issuer.AllowHttp;
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.IncludeErrorDetails = false;
        options.RefreshOnIssuerKeyNotFound = true;
        options.RefreshInterval = KeyRefreshInterval;
        options.BackchannelTimeout = TimeSpan.FromSeconds(10);
        options.Events = new OidcBearerEvents(issuer);
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = issuer.Issuer,
            ValidAudiences = issuer.Audiences,
            ValidAlgorithms = issuer.Algorithms,
            ValidTypes = issuer.TokenTypes,
            ClockSkew = issuer.ClockSkew,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            RequireAudience = true,
            NameClaimType = "sub",
            LifetimeValidator = TokenLifetime.Validator(time),
        };
    }
}
