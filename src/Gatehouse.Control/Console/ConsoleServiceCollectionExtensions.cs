using Gatehouse.Control.Admin;
using Gatehouse.Control.Authorization;
using Gatehouse.Control.Reviews;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.ApiKeys;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Gatehouse.Control.Console.KeyRing;
using Gatehouse.Storage.KeyRing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gatehouse.Control.Console;

/// <summary>Registers the console: its pages, its sign-in (OpenID Connect + cookie), antiforgery and the inbox.</summary>
internal static class ConsoleServiceCollectionExtensions
{
    /// <summary>
    /// Adds the console when <c>console.oidc</c> is configured; otherwise adds nothing, and <c>/console</c> answers
    /// <c>console_not_configured</c>. Session cookies and antiforgery tokens are protected with keys kept in the store
    /// (<see cref="IKeyRingStore"/>, encrypted with <c>console.keyRingKey</c> when set, by the repository and by Data
    /// Protection's XML encryptor), so a restart does not sign everyone out and every replica of a shared store accepts
    /// what any of them issued.
    /// </summary>
    public static IServiceCollection AddGatehouseConsole(this IServiceCollection services, GatehouseConfig config)
    {
        if (config.Console.Oidc is not { } oidc)
        {
            return services;
        }

        var secure = ConsoleSignIn.SecurePolicy(config.Server);
        services.AddDataProtection().SetApplicationName("gatehouse-console");
        var cipher = config.Console.KeyRingKey is { } key ? new KeyRingCipher(key) : null;
        if (cipher is not null)
        {
            // KeyRingXmlDecryptor, created by Data Protection from the type name in the key's XML, finds the cipher here.
            services.AddSingleton(cipher);
        }

        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new StoreXmlRepository(
                sp.GetRequiredService<IKeyRingStore>(), cipher, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StoreXmlRepository>>());
            options.XmlEncryptor = cipher is null
                ? new UnencryptedKeyRingXmlEncryptor(sp.GetRequiredService<ILogger<UnencryptedKeyRingXmlEncryptor>>())
                : new KeyRingXmlEncryptor(cipher);
        }));
        services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Console", ConsoleSchemes.Policy);
            options.Conventions.AuthorizeFolder("/Console/Admin", ControlPolicies.Admin);
            options.Conventions.AllowAnonymousToPage("/Console/SignedOut");
            options.Conventions.ConfigureFilter(new ConsoleResultFilter());
        }).AddApplicationPart(typeof(ConsoleSchemes).Assembly);
        services.Configure<AntiforgeryOptions>(options =>
        {
            options.Cookie.Name = "gatehouse.console.antiforgery";
            options.Cookie.Path = ConsoleSchemes.PathBase;
            options.Cookie.SecurePolicy = secure;
            options.FormFieldName = "__antiforgery";
            options.HeaderName = null;
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleSchemes.Policy, policy => policy.AddAuthenticationSchemes(ConsoleSchemes.Cookie).RequireAuthenticatedUser());
        services.AddAuthentication()
            .AddCookie(ConsoleSchemes.Cookie, options =>
            {
                options.Cookie.Name = "gatehouse.console";
                options.Cookie.Path = ConsoleSchemes.PathBase;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = secure;
                options.ExpireTimeSpan = config.Console.SessionLifetime;
                options.SlidingExpiration = false;
                options.ForwardChallenge = ConsoleSchemes.Oidc;
                options.Events.OnRedirectToAccessDenied = ConsoleSignIn.OnForbiddenAsync;
            })
            .AddOpenIdConnect(ConsoleSchemes.Oidc, options =>
            {
                options.Authority = oidc.Issuer;
                options.ClientId = oidc.ClientId;
                options.ClientSecret = oidc.ClientSecret;
                options.RequireHttpsMetadata = !oidc.AllowHttp;
                options.ResponseType = "code";
                options.ResponseMode = "query";
                options.UsePkce = true;
                options.SignInScheme = ConsoleSchemes.Cookie;
                options.CallbackPath = ConsoleCallbacks.SignIn;
                options.SignedOutCallbackPath = ConsoleCallbacks.SignedOut;
                options.RemoteSignOutPath = ConsoleCallbacks.RemoteSignOut;
                options.SaveTokens = false;
                options.MapInboundClaims = false;
                options.GetClaimsFromUserInfoEndpoint = false;
                options.Scope.Clear();
                foreach (var scope in oidc.Scopes)
                {
                    options.Scope.Add(scope);
                }

                // The sign-in returns by a top-level GET redirect (response_mode=query), which SameSite=Lax cookies survive.
                foreach (var cookie in new[] { options.CorrelationCookie, options.NonceCookie })
                {
                    cookie.SameSite = SameSiteMode.Lax;
                    cookie.SecurePolicy = secure;
                    cookie.Path = ConsoleSchemes.PathBase;
                }

                options.Events.OnTokenValidated = context => ConsoleSignIn.OnTokenValidatedAsync(context, oidc, config);
                options.Events.OnRemoteFailure = ConsoleSignIn.OnRemoteFailureAsync;
            });
        services.Replace(ServiceDescriptor.Singleton<IAuthenticationSchemeProvider, ConsoleRequestSchemes>());
        services.AddSingleton<InboxReader>();
        services.AddSingleton<AdminStatus>();
        services.AddSingleton<ApiKeyAdministration>();
        services.AddSingleton<CheckpointVerifications>();
        return services;
    }
}
