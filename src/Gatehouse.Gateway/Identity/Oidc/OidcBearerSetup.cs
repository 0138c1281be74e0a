using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Credentials;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Identity.Oidc;

/// <summary>Configures one issuer's JwtBearer scheme from its <see cref="OidcIssuerConfig"/>.</summary>
internal static class OidcBearerSetup
{
    /// <summary>Gets the discovery document URL: the configured one, or <c>{issuer}/.well-known/openid-configuration</c>.</summary>
    public static string MetadataAddress(OidcIssuerConfig issuer) =>
        issuer.MetadataAddress ?? issuer.Issuer.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>
    /// Applies the issuer's rules; token lifetimes are judged by <paramref name="time"/>, validated tokens remembered in
    /// <paramref name="cache"/>, and the credential taken from the route <paramref name="router"/> keeps for the request.
    /// </summary>
    public static void Configure(JwtBearerOptions options, OidcIssuerConfig issuer, TimeProvider time, ValidatedTokenCache cache, CredentialRouter router)
    {
        options.TimeProvider = time;
        options.MetadataAddress = MetadataAddress(issuer);
        options.RequireHttpsMetadata = !issuer.AllowHttp;
        options.MapInboundClaims = false;
        options.SaveToken = false;
        options.IncludeErrorDetails = false;
        options.RefreshOnIssuerKeyNotFound = true;
        options.RefreshInterval = issuer.KeyRefreshInterval;
        options.BackchannelTimeout = TimeSpan.FromSeconds(10);
        options.Events = new OidcBearerEvents(issuer, cache, router);
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
