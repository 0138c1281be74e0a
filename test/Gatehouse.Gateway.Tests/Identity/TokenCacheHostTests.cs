using System.Net;
using System.Security.Cryptography;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Gateway.Identity.Credentials;
using Gatehouse.Gateway.Identity.Oidc;
using Gatehouse.Storage.Keys;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>
/// The token cache inside the real JwtBearer pipeline on Kestrel, with an issuer whose key set the test controls: what
/// is served from the cache, and what sends a token back to full validation.
/// </summary>
public sealed class TokenCacheHostTests : IAsyncLifetime
{
    private const string Issuer = "https://idp.test/";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly KeySet _keys = new();
    private readonly InMemoryApiKeyStore _apiKeys = new();
    private readonly RsaSecurityKey _keyA = NewKey("key-a");
    private readonly RsaSecurityKey _keyB = NewKey("key-b");
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _keys.Publish(_keyA, _keyB);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(_time);
        builder.Services.AddSingleton<IApiKeyStore>(_apiKeys);
        builder.Services.AddGatehouseIdentity(new IdentityConfig
        {
            ApiKeys = true,
            Oidc = [new OidcIssuerConfig { Issuer = Issuer, Audiences = [OidcTestServer.Audience], ClockSkew = TimeSpan.Zero }],
            TokenCache = new TokenCacheConfig { MaxEntries = 100, MaxAge = TimeSpan.FromHours(1) },
        });
        builder.Services.PostConfigure<JwtBearerOptions>(GatehouseAuthenticationSchemes.Oidc(0), options => options.ConfigurationManager = _keys);
        _app = builder.Build();
        _app.MapGet("/whoami", async (HttpContext context, IdentityResolver resolver) =>
        {
            var result = await resolver.AuthenticateAsync(context);
            if (!result.Succeeded)
            {
                await IdentityResolver.WriteProblemAsync(context, result.Failure);
                return;
            }

            await context.Response.WriteAsJsonAsync(result.Identity, System.Text.Json.JsonSerializerOptions.Web);
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task CachedToken_IsNotVerifiedAgain_WhileItsKeyIdIsStillPublished()
    {
        var token = Sign(_keyA, TimeSpan.FromMinutes(10));
        await AcceptedAsync(token);

        // The issuer now publishes other material under the same kid: a second verification would fail the signature,
        // so acceptance proves the token was not verified again.
        _keys.Publish(NewKey("key-a"), _keyB);

        await AcceptedAsync(token);
        Assert.Single(_app.Services.GetRequiredService<ValidatedTokenCache>().Keys());
    }

    [Fact]
    public async Task CachedToken_ItsSigningKeyLeavesTheKeySet_IsValidatedAgainAndRefused()
    {
        var token = Sign(_keyA, TimeSpan.FromMinutes(10));
        await AcceptedAsync(token);

        _keys.Publish(_keyB);

        using var response = await IdentityHttp.GetAsync(_client, bearer: token);
        await IdentityHttp.ProblemAsync(response, "invalid_token", secret: token);
        Assert.Empty(_app.Services.GetRequiredService<ValidatedTokenCache>().Keys());
    }

    [Fact]
    public async Task CachedToken_AcceptedUntilTheSecondBeforeExp_RefusedAsExpiredAfter()
    {
        var token = Sign(_keyA, TimeSpan.FromSeconds(60));
        await AcceptedAsync(token);

        _time.Advance(TimeSpan.FromSeconds(59));
        await AcceptedAsync(token);

        _time.Advance(TimeSpan.FromSeconds(2));
        using var response = await IdentityHttp.GetAsync(_client, bearer: token);
        await IdentityHttp.ProblemAsync(response, "token_expired", secret: token);
    }

    [Fact]
    public async Task CachedToken_OneCharacterChanged_IsValidatedAndRefused()
    {
        var token = Sign(_keyA, TimeSpan.FromMinutes(10));
        await AcceptedAsync(token);
        var signatureStart = token.LastIndexOf('.') + 1;
        var changed = token[..signatureStart] + (token[signatureStart] == 'A' ? 'B' : 'A') + token[(signatureStart + 1)..];

        using var response = await IdentityHttp.GetAsync(_client, bearer: changed);

        await IdentityHttp.ProblemAsync(response, "invalid_token", secret: changed);
    }

    // The host authenticates each request twice, as the gateway does: ASP.NET Core's authentication middleware asks the
    // default (selector) scheme, then the identity stage asks it again; the refused credential's handler asks a third time.
    [Fact]
    public async Task Token_EachRequest_IsRoutedOnce_AndItsIssuerReadOnlyUntilItIsCached()
    {
        var router = _app.Services.GetRequiredService<CredentialRouter>();
        var token = Sign(_keyA, TimeSpan.FromMinutes(10));

        await AcceptedAsync(token);
        Assert.Equal((1L, 1L), (router.Routed, router.IssuersRead));

        await AcceptedAsync(token);
        Assert.Equal((2L, 1L), (router.Routed, router.IssuersRead));
    }

    [Fact]
    public async Task ApiKey_EachRequest_IsRoutedOnce()
    {
        var router = _app.Services.GetRequiredService<CredentialRouter>();
        var issued = new ApiKeyIssuer(_time).Create("ci-bot", ["ci"], null, "email:owner@example.com");
        await _apiKeys.CreateAsync(issued.Record, TestContext.Current.CancellationToken);

        using var response = await IdentityHttp.GetAsync(_client, apiKey: issued.Plaintext);

        Assert.Equal("apikey:ci-bot", (await IdentityHttp.IdentityAsync(response)).GetProperty("subject").GetString());
        Assert.Equal((1L, 0L), (router.Routed, router.IssuersRead));
    }

    [Fact]
    public async Task UnroutableCredential_IsRoutedOnce_AndRefusedWithItsReason()
    {
        var router = _app.Services.GetRequiredService<CredentialRouter>();

        using var response = await IdentityHttp.GetAsync(_client, bearer: "not-a-token");

        await IdentityHttp.ProblemAsync(response, "invalid_token", secret: "not-a-token");
        Assert.Equal(1L, router.Routed);
    }

    private async Task AcceptedAsync(string token)
    {
        using var response = await IdentityHttp.GetAsync(_client, bearer: token);
        Assert.Equal("mallory", (await IdentityHttp.IdentityAsync(response)).GetProperty("subject").GetString());
    }

    private string Sign(SecurityKey key, TimeSpan lifetime)
    {
        var descriptor = TokenForge.Descriptor(Issuer, key, _time.GetUtcNow());
        descriptor.Expires = _time.GetUtcNow().UtcDateTime + lifetime;
        return TokenForge.Sign(descriptor);
    }

    private static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    /// <summary>The issuer's discovery document and key set, as the test publishes them.</summary>
    private sealed class KeySet : IConfigurationManager<OpenIdConnectConfiguration>
    {
        private volatile OpenIdConnectConfiguration _current = new();

        public void Publish(params SecurityKey[] keys)
        {
            var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
            foreach (var key in keys)
            {
                configuration.SigningKeys.Add(key);
            }

            _current = configuration;
        }

        public Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel) => Task.FromResult(_current);

        public void RequestRefresh()
        {
        }
    }
}
