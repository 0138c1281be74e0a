using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Tests.Identity;

/// <summary>
/// An issuer that is down or slow once must cost the callers of that moment, not the callers of the next minutes: the
/// gateway fetches the keys again on the next request.
/// </summary>
public sealed class OidcIssuerOutageTests : IAsyncLifetime
{
    private const int IssuerUnavailableEventId = 1003;

    private readonly CapturingLoggerProvider _logs = new();
    private ScriptedIssuer _issuer = null!;
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _issuer = await ScriptedIssuer.StartAsync();
        var config = new IdentityConfig
        {
            Oidc = [new OidcIssuerConfig { Issuer = _issuer.Issuer, Audiences = [OidcTestServer.Audience], AllowHttp = true }],
        };
        _app = await IdentityFixture.StartAsync(IdentityFixture.MapIdentityEndpoints, services =>
        {
            services.AddSingleton(TimeProvider.System);
            services.AddGatehouseIdentity(config);
            services.AddLogging(logging => logging.AddProvider(_logs).SetMinimumLevel(LogLevel.Trace));
        });
        _client = new HttpClient { BaseAddress = new Uri(IdentityFixture.Address(_app)) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        await _issuer.DisposeAsync();
    }

    [Fact]
    public async Task Authenticate_FirstKeyFetchFails_NextRequestFetchesAgainAndIsAccepted()
    {
        await RefusedWhileDownThenAcceptedAsync("alice", outages: 1, _issuer.FailNextFetch);

        Assert.Contains(_logs.Lines, line => line.Id.Id == IssuerUnavailableEventId);
    }

    [Fact]
    public async Task Authenticate_KeyFetchOutlastsTheBackchannelTimeout_503ThenNextRequestAccepted()
    {
        // The fetch is given up after the gateway's 10 s backchannel timeout: the one slow test here, and the case an
        // IdP slowed by load produces.
        await RefusedWhileDownThenAcceptedAsync("carol", outages: 1, _issuer.StallNextFetch);
    }

    [Fact]
    public async Task Authenticate_IssuerDownForSeveralRequests_AcceptedOnTheFirstRequestAfterItIsBack()
    {
        await RefusedWhileDownThenAcceptedAsync("bob", outages: 3, _issuer.FailNextFetch);
    }

    /// <summary>
    /// Sends one token through <paramref name="outages"/> scripted key-fetch outages, each request answered 503
    /// <c>issuer_unavailable</c> without the token in the answer, then once more: accepted, on the one fetch that succeeded.
    /// </summary>
    private async Task RefusedWhileDownThenAcceptedAsync(string subject, int outages, Action outage)
    {
        var token = _issuer.Token(subject, TimeProvider.System.GetUtcNow());
        for (var i = 0; i < outages; i++)
        {
            outage();
            using var refused = await IdentityHttp.GetAsync(_client, bearer: token);
            await IdentityHttp.ProblemAsync(refused, "issuer_unavailable", secret: token, status: 503);
        }

        using var accepted = await IdentityHttp.GetAsync(_client, bearer: token);

        Assert.Equal(subject, (await IdentityHttp.IdentityAsync(accepted, _logs)).GetProperty("subject").GetString());
        Assert.Equal(1, _issuer.Served);
    }
}
