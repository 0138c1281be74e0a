namespace Gatehouse.Gateway.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class IdentityLoggingTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Authenticate_IssuerUnreachable_FailsClosedWith503()
    {
        var descriptor = TokenForge.Descriptor(fixture.UnreachableIssuer, fixture.Idp.SigningKey, fixture.Time.GetUtcNow());
        var token = TokenForge.Sign(descriptor);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token);

        await IdentityHttp.ProblemAsync(response, "issuer_unavailable", secret: token, status: 503);
        Assert.Contains(fixture.Logs.Lines, line => line.Id.Id == 1003);
    }

    [Fact]
    public async Task Logs_AcceptedAndRefusedCredentials_CarryCodesButNeverCredentials()
    {
        var token = await fixture.Idp.RequestTokenAsync("logged-user", "dev");
        var expired = TokenForge.Descriptor(fixture.Idp.Issuer, fixture.Idp.SigningKey, fixture.Time.GetUtcNow().AddHours(-2));
        expired.Expires = fixture.Time.GetUtcNow().UtcDateTime.AddMinutes(-10);
        var expiredToken = TokenForge.Sign(expired);
        var key = await fixture.CreateKeyAsync("logged-bot", ["ci"]);
        var wrongKey = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");
        string[] secrets = [token, expiredToken, key, wrongKey];

        foreach (var credential in secrets)
        {
            using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: credential);
        }

        var lines = fixture.Logs.Lines.ToArray();
        Assert.Contains(lines, line => line.Id.Id == 1000 && line.Text.Contains("logged-user", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Id.Id == 1001 && line.Text.Contains("token_expired", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Id.Id == 1001 && line.Text.Contains("invalid_api_key", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            // Neither the whole credential nor its signature or secret part may appear anywhere, in any category.
            var tail = secret[^20..];
            Assert.DoesNotContain(lines, line => line.Text.Contains(tail, StringComparison.Ordinal));
        }
    }
}
