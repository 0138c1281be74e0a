using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>
/// A bare issuer on Kestrel loopback serving a discovery document and a JWKS, whose next JWKS fetches the test can
/// make fail or stall, as a real IdP that is briefly down or slow does.
/// </summary>
/// <remarks>
/// Bare on purpose, where <see cref="OidcTestServer"/> is a real OpenIddict server: its first answers are fast on a
/// loaded machine, so a fetch the test did not script never runs into the gateway's backchannel timeout. It starts
/// like the other identity test servers (<see cref="IdentityFixture.StartAsync"/>) and makes its key as
/// <see cref="OidcTestServer"/> does.
/// </remarks>
internal sealed class ScriptedIssuer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<Func<HttpContext, Task<bool>>> _next = new();
    private int _served;

    private WebApplication _app = null!;

    /// <summary>Gets the issuer URL (<c>http://127.0.0.1:port/</c>), which is also the base of its discovery document.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>Gets the key the issuer signs with and publishes.</summary>
    public RsaSecurityKey SigningKey { get; } = OidcTestServer.NewKey();

    /// <summary>Gets how many JWKS requests the issuer has answered with its keys.</summary>
    public int Served => Volatile.Read(ref _served);

    public static async Task<ScriptedIssuer> StartAsync()
    {
        var issuer = new ScriptedIssuer();
        issuer._app = await IdentityFixture.StartAsync(app =>
        {
            app.MapGet("/.well-known/openid-configuration", context => context.Response.WriteAsJsonAsync(new { issuer = issuer.Issuer, jwks_uri = issuer.Issuer + "jwks" }));
            app.MapGet("/jwks", context => issuer.AnswerAsync(context, () => new { keys = new[] { JsonWebKeyConverter.ConvertFromRSASecurityKey(PublicOnly(issuer.SigningKey)) } }));
        });
        issuer.Issuer = IdentityFixture.Address(issuer._app).TrimEnd('/') + "/";
        return issuer;
    }

    /// <summary>Makes the next JWKS request answer 500, once (the key retriever retries a 503 by itself).</summary>
    public void FailNextFetch() => Enqueue(static context =>
    {
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return Task.FromResult(true);
    });

    /// <summary>Makes the next JWKS request hang until the client gives up on it, once.</summary>
    public void StallNextFetch() => Enqueue(static async context =>
    {
        await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(static _ => { }, TaskScheduler.Default);
        return true;
    });

    /// <summary>Signs a valid access token for <paramref name="subject"/>, valid for ten minutes from <paramref name="now"/>.</summary>
    public string Token(string subject, DateTimeOffset now)
    {
        var descriptor = TokenForge.Descriptor(Issuer, SigningKey, now);
        descriptor.Claims["sub"] = subject;
        return TokenForge.Sign(descriptor);
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static RsaSecurityKey PublicOnly(RsaSecurityKey key) =>
        new(new RSAParameters { Modulus = key.Parameters.Modulus, Exponent = key.Parameters.Exponent }) { KeyId = key.KeyId };

    private void Enqueue(Func<HttpContext, Task<bool>> answer)
    {
        lock (_gate)
        {
            _next.Enqueue(answer);
        }
    }

    private async Task AnswerAsync(HttpContext context, Func<object> document)
    {
        Func<HttpContext, Task<bool>>? scripted;
        lock (_gate)
        {
            _next.TryDequeue(out scripted);
        }

        if (scripted is not null && await scripted(context))
        {
            return;
        }

        Interlocked.Increment(ref _served);
        await context.Response.WriteAsJsonAsync(document());
    }
}
