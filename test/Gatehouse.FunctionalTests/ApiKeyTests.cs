using System.Net;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.FunctionalTests;

/// <summary>API keys made with the CLI authenticate at the running gateway until revoked, on a fake clock.</summary>
public sealed class ApiKeyTests : GatewayTest
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());

    protected override TimeProvider Time => _clock;

    [Fact]
    public async Task KeysCreate_PrintsAKeyOnce_ThatAuthenticatesUntilRevoked()
    {
        var created = await GatehouseCommand.RunAsync("keys", "create", "--name", "ci-bot", "--owner", "ops@example.com", "--groups", "ci", "--expires", "90d", "--db", Gateway.DatabasePath);
        Assert.Equal(0, created.ExitCode);
        var key = created.Output.Trim();
        Assert.StartsWith("gk_", key, StringComparison.Ordinal);

        using var client = new HttpClient { BaseAddress = Gateway.BaseUri };
        client.DefaultRequestHeaders.Add("x-api-key", key);
        using var allowed = await client.GetAsync("demo/v1/models", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        var listed = await GatehouseCommand.RunAsync("keys", "list", "--db", Gateway.DatabasePath);
        Assert.Contains("ci-bot", listed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(key, listed.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await GatehouseCommand.RunAsync("keys", "revoke", "ci-bot", "--db", Gateway.DatabasePath)).ExitCode);

        // The gateway remembers key lookups for identity.apiKeyCache (5 s by default): once that much time has passed on
        // its clock, the revocation must bite, however long the machine took to get here.
        _clock.Advance(TimeSpan.FromSeconds(5));
        using var refused = await client.GetAsync("demo/v1/models", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("api_key_revoked", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
