using System.Net;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.Development;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.FunctionalTests.Adversarial;

/// <summary>
/// A second trusted OIDC issuer on loopback, with its own signing key, that mints whatever subject and e-mail a test
/// asks for: the outside attacker's view of a gateway that trusts more than one IdP.
/// </summary>
public sealed class SecondIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DevSigningKey _key;
    private readonly string _directory;

    private SecondIssuer(WebApplication app, DevSigningKey key, string directory)
    {
        _app = app;
        _key = key;
        _directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Issuer = DevIssuer.IssuerUrl(address.Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>Gets the issuer URL, as it appears in the tokens' <c>iss</c>.</summary>
    public string Issuer { get; }

    public static async Task<SecondIssuer> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-second-issuer-").FullName;
        var key = DevSigningKey.LoadOrCreate(Path.Combine(directory, "key.jwk.json"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddRouting();
        var app = builder.Build();
        app.MapDevIssuer(key);
        await app.StartAsync();
        return new SecondIssuer(app, key, directory);
    }

    /// <summary>Gets the configuration that makes the gateway trust this issuer; e-mail is not trusted unless verified.</summary>
    public OidcIssuerConfig Config(bool trustEmail = false) => new()
    {
        Issuer = Issuer,
        Audiences = [DevIssuer.Audience],
        AllowHttp = true,
        Algorithms = ["RS256"],
        TrustEmail = trustEmail,
    };

    /// <summary>Mints an access token for <paramref name="subject"/>, with an e-mail claim that is verified only if asked.</summary>
    public string Token(string subject, string? email, bool? emailVerified, params string[] groups)
    {
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["groups"] = groups };
        if (email is not null)
        {
            claims["email"] = email;
        }

        if (emailVerified is { } verified)
        {
            claims["email_verified"] = verified;
        }

        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = DevIssuer.Audience,
            TokenType = "at+jwt",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(_key.SecurityKey, SecurityAlgorithms.RsaSha256),
            Claims = claims,
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
