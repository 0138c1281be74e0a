using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.ApiKeys;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Sqlite;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Benchmarks;

/// <summary>
/// Identifies one caller many times through <see cref="IdentityResolver"/> (the data path's first stage): an RS256 token
/// with the token cache off and on, and an API key over the SQLite store with its lookup cache off and on.
/// </summary>
internal static class IdentityRun
{
    private const string Issuer = "https://idp.bench/";
    private const string Audience = "gatehouse";

    public static async Task RunAsync(int iterations, int rounds, TextWriter output)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "bench-key" };
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            TokenType = "at+jwt",
            Expires = TimeProvider.System.GetUtcNow().UtcDateTime.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["sub"] = "bench-user", ["groups"] = new[] { "dev", "ops" } },
        });
        var directory = Directory.CreateTempSubdirectory("gatehouse-identity-bench-").FullName;
        try
        {
            await using var store = SqliteStore.Open(Path.Combine(directory, "gatehouse.db"));
            var issued = new ApiKeyIssuer(TimeProvider.System).Create("bench-key", ["dev"], null, "email:bench@example.com");
            await store.CreateAsync(issued.Record, CancellationToken.None);

            output.WriteLine($"identify the same caller {iterations} times, best of {rounds} rounds, time per call");
            var tokenCold = await MeasureAsync(Build(key, store, tokenCacheEntries: 0, apiKeyCache: TimeSpan.Zero), token, iterations, rounds);
            var tokenCached = await MeasureAsync(Build(key, store, tokenCacheEntries: 10_000, apiKeyCache: TimeSpan.Zero), token, iterations, rounds);
            var keyCold = await MeasureAsync(Build(key, store, tokenCacheEntries: 0, apiKeyCache: TimeSpan.Zero), issued.Plaintext, iterations, rounds);
            var keyCached = await MeasureAsync(Build(key, store, tokenCacheEntries: 0, apiKeyCache: TimeSpan.FromSeconds(5)), issued.Plaintext, iterations, rounds);
            Report(output, "OIDC RS256 token", "validated every time", tokenCold, "token cache", tokenCached);
            Report(output, "API key (SQLite store)", "store read every time", keyCold, "key lookup cache 5s", keyCached);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ServiceProvider Build(SecurityKey key, IApiKeyStore store, int tokenCacheEntries, TimeSpan apiKeyCache)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IApiKeyStore>(new CachingApiKeyStore(store, apiKeyCache, TimeProvider.System));
        var config = new IdentityConfig
        {
            Oidc = [new OidcIssuerConfig { Issuer = Issuer, Audiences = [Audience] }],
            ApiKeyCache = apiKeyCache,
            TokenCache = new TokenCacheConfig { MaxEntries = tokenCacheEntries },
        };
        services.AddGatehouseIdentity(config);
        var published = new OpenIdConnectConfiguration { Issuer = Issuer };
        published.SigningKeys.Add(key);
        services.PostConfigure<JwtBearerOptions>(GatehouseAuthenticationSchemes.Oidc(0),
            options => options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(published));
        return services.BuildServiceProvider();
    }

    private static async Task<TimeSpan> MeasureAsync(ServiceProvider services, string credential, int iterations, int rounds)
    {
        await using (services)
        {
            var resolver = services.GetRequiredService<IdentityResolver>();
            await IdentifyAsync(services, resolver, credential);
            var best = TimeSpan.MaxValue;
            for (var round = 0; round < rounds; round++)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < iterations; i++)
                {
                    await IdentifyAsync(services, resolver, credential);
                }

                best = clock.Elapsed < best ? clock.Elapsed : best;
            }

            return best / iterations;
        }
    }

    private static async Task IdentifyAsync(IServiceProvider services, IdentityResolver resolver, string credential)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Headers.Authorization = "Bearer " + credential;
        var result = await resolver.AuthenticateAsync(context);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"the benchmark caller was refused: {result.Failure.Code}");
        }
    }

    private static void Report(TextWriter output, string what, string baselineName, TimeSpan baseline, string cachedName, TimeSpan cached)
        => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {baselineName} {baseline.TotalMicroseconds:F1} us, {cachedName} {cached.TotalMicroseconds:F1} us, {baseline / cached:F1}x"));
}
