using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Gateway.Identity.Credentials;
using Gatehouse.Gateway.Identity.Oidc;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gatehouse.Gateway.Identity;

/// <summary>Registers how the gateway identifies callers.</summary>
internal static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Registers one JwtBearer scheme per OIDC issuer, the API-key scheme (when enabled), and the selector scheme
    /// <see cref="GatehouseAuthenticationSchemes.Selector"/> (the default) that routes each credential to one of them;
    /// also <see cref="IdentityResolver"/>. API keys need an <c>IApiKeyStore</c> registered by the host.
    /// </summary>
    public static AuthenticationBuilder AddGatehouseIdentity(this IServiceCollection services, IdentityConfig config)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IdentityResolver>();
        services.TryAddSingleton(sp => new ValidatedTokenCache(config.TokenCache, sp.GetRequiredService<TimeProvider>()));
        services.TryAddTransient<ApiKeyVerifier>();
        var routes = config.Oidc.Select((issuer, index) => KeyValuePair.Create(issuer.Issuer, GatehouseAuthenticationSchemes.Oidc(index)));
        services.AddSingleton(sp => new CredentialRouter(routes, config.ApiKeys, sp.GetRequiredService<ValidatedTokenCache>()));

        var builder = services.AddAuthentication(GatehouseAuthenticationSchemes.Selector);
        builder.AddPolicyScheme(GatehouseAuthenticationSchemes.Selector, null, options =>
            options.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<CredentialRouter>().Route(context).Scheme);
        builder.AddScheme<AuthenticationSchemeOptions, RejectedCredentialsHandler>(GatehouseAuthenticationSchemes.Rejected, null);
        if (config.ApiKeys)
        {
            builder.AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(GatehouseAuthenticationSchemes.ApiKey, null);
        }

        for (var index = 0; index < config.Oidc.Count; index++)
        {
            var issuer = config.Oidc[index];
            var scheme = GatehouseAuthenticationSchemes.Oidc(index);
            builder.AddJwtBearer(scheme, static _ => { });
            services.AddOptions<JwtBearerOptions>(scheme)
                .Configure<TimeProvider, ValidatedTokenCache, CredentialRouter>(
                    (options, time, cache, router) => OidcBearerSetup.Configure(options, issuer, time, cache, router));
        }

        return builder;
    }
}
