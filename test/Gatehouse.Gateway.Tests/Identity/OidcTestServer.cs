using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>
/// A real OpenIddict server on Kestrel loopback issuing JWT access tokens by the client-credentials grant, without a
/// database (degraded mode). The test owns its RSA signing keys, so that it can also forge tokens and rotate keys.
/// </summary>
internal sealed class OidcTestServer : IAsyncDisposable
{
    public const string ClientId = "gatehouse-tests";
    public const string ClientSecret = "not-a-real-secret";
    public const string Audience = "gatehouse";

    private readonly WebApplication _app;

    private OidcTestServer(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        SigningKey = key;
        BaseAddress = new Uri(IdentityFixture.Address(app));
    }

    /// <summary>Gets the server's address, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Gets the issuer of tokens requested at 127.0.0.1 (OpenIddict derives it from the request).</summary>
    public string Issuer => $"http://127.0.0.1:{BaseAddress.Port}/";

    /// <summary>
    /// Gets the issuer of tokens requested with the <c>Host</c> header <c>idp-two.test</c>: a second, distinct issuer
    /// whose discovery document must be fetched from an explicit metadata address.
    /// </summary>
    public string SecondIssuer => $"http://{SecondHost}:{BaseAddress.Port}/";

    /// <summary>Gets the discovery document URL, for an issuer name that does not resolve.</summary>
    public string MetadataAddress => $"http://127.0.0.1:{BaseAddress.Port}/.well-known/openid-configuration";

    private static string SecondHost => "idp-two.test";

    /// <summary>Gets the key the server currently signs with.</summary>
    public RsaSecurityKey SigningKey { get; private set; }

    /// <summary>Starts the server; <paramref name="appClock"/>, the fake clock of the app that validates its tokens, is kept up with the wall clock it issues by.</summary>
    public static async Task<OidcTestServer> StartAsync(FakeTimeProvider? appClock = null)
    {
        var key = NewKey();
        var app = await IdentityFixture.StartAsync(_ => { }, services => services.AddOpenIddict().AddServer(options =>
        {
            options.SetTokenEndpointUris("connect/token");
            options.AllowClientCredentialsFlow();
            options.EnableDegradedMode();
            options.DisableAccessTokenEncryption();
            options.AddSigningKey(key);
            options.AddEphemeralEncryptionKey();
            options.UseAspNetCore().DisableTransportSecurityRequirement();
            options.AddEventHandler<ValidateTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Unknown client.");
                }

                return default;
            }));
            options.AddEventHandler<HandleTokenRequestContext>(handler => handler.UseInlineHandler(context =>
            {
                // Tokens carry the wall-clock time they were issued at as nbf: an app clock left behind by more than
                // the clock skew (a slow run) would find them not valid yet.
                if (appClock is not null && TimeProvider.System.GetUtcNow() is var now && now > appClock.GetUtcNow())
                {
                    appClock.SetUtcNow(now);
                }

                context.SignIn(Principal(context.Request));
                return default;
            }));
        }));
        return new OidcTestServer(app, key);
    }

    /// <summary>
    /// Requests an access token through the token endpoint; as the second host the server issues as
    /// <see cref="SecondIssuer"/>. Groups and realm roles are comma-separated.
    /// </summary>
    public async Task<string> RequestTokenAsync(string subject, string groups, string realmRoles = "", bool asSecondIssuer = false)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
            ["test_subject"] = subject,
            ["test_groups"] = groups,
            ["test_realm_roles"] = realmRoles,
        });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/connect/token") { Content = form };
        if (asSecondIssuer)
        {
            request.Headers.Host = $"{SecondHost}:{BaseAddress.Port}";
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Makes the running server sign with a new key (new kid) and publish it in its JWKS, as an IdP rotating keys does.</summary>
    public RsaSecurityKey RotateSigningKey()
    {
        var key = NewKey();
        var options = _app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        options.SigningCredentials.Insert(0, new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        SigningKey = key;
        return key;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Makes a 2048-bit RSA signing key with a random key id.</summary>
    internal static RsaSecurityKey NewKey()
    {
        var rsa = RSA.Create(2048);
        return new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true))
        {
            KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(8)),
        };
    }

    private static ClaimsPrincipal Principal(OpenIddictRequest request)
    {
        var identity = new ClaimsIdentity("Bearer");
        identity.AddClaim(OpenIddictConstants.Claims.Subject, (string?)request["test_subject"] ?? "nobody");
        identity.AddClaim(OpenIddictConstants.Claims.Email, ((string?)request["test_subject"] ?? "nobody") + "@example.com");
        var groups = ((string?)request["test_groups"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        identity.AddClaims("groups", [.. groups]);
        var roles = ((string?)request["test_realm_roles"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        identity.AddClaim("realm_access", JsonSerializer.SerializeToElement(new Dictionary<string, string[]> { ["roles"] = roles }));
        identity.SetAudiences(Audience);
        identity.SetDestinations(_ => [OpenIddictConstants.Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
