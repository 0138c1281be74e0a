namespace Gatehouse.Gateway.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class ApiKeyEndpointTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Authenticate_ValidKeyAsBearer_IdentifiesKeyWithGroups()
    {
        var key = await fixture.CreateKeyAsync("ci-bot", ["ci", "deploy"], fixture.Time.GetUtcNow().AddDays(90));

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: key);

        var identity = await IdentityHttp.IdentityAsync(response);
        Assert.Equal("apikey:ci-bot", identity.GetProperty("subject").GetString());
        Assert.Equal("ci-bot", identity.GetProperty("keyName").GetString());
        Assert.Equal(key.Substring(3, 12), identity.GetProperty("keyId").GetString());
        Assert.Equal("apikey", identity.GetProperty("method").GetString());
        Assert.Equal(["ci", "deploy"], IdentityHttp.Groups(identity));
    }

    [Fact]
    public async Task Authenticate_ValidKeyInXApiKeyHeader_Accepted()
    {
        var key = await fixture.CreateKeyAsync("anthropic-client", ["dev"]);

        using var response = await IdentityHttp.GetAsync(fixture.Client, apiKey: key);

        Assert.Equal("apikey:anthropic-client", (await IdentityHttp.IdentityAsync(response)).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Authenticate_SameKeyInBothHeaders_Accepted()
    {
        var key = await fixture.CreateKeyAsync("both-headers", ["dev"]);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: key, apiKey: key);

        await IdentityHttp.IdentityAsync(response);
    }

    [Fact]
    public async Task Authenticate_ExpiredKey_RefusedAsExpired()
    {
        var key = await fixture.CreateKeyAsync("old-bot", ["ci"], fixture.Time.GetUtcNow().AddMinutes(-1));

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: key);

        var detail = await IdentityHttp.ProblemAsync(response, "api_key_expired", secret: key);
        Assert.Contains("old-bot", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_RevokedKey_RefusedAsRevoked()
    {
        var key = await fixture.CreateKeyAsync("revoked-bot", ["ci"]);
        Assert.True(await fixture.Keys.RevokeAsync("revoked-bot", fixture.Time.GetUtcNow(), CancellationToken.None));

        using var response = await IdentityHttp.GetAsync(fixture.Client, apiKey: key);

        await IdentityHttp.ProblemAsync(response, "api_key_revoked", secret: key);
    }

    [Fact]
    public async Task Authenticate_WrongSecretForKnownId_RefusedAsInvalid()
    {
        var key = await fixture.CreateKeyAsync("guessed-bot", ["ci"]);
        var forged = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: forged);

        await IdentityHttp.ProblemAsync(response, "invalid_api_key", secret: forged);
    }

    [Fact]
    public async Task Authenticate_RevokedKeyWithWrongSecret_DoesNotRevealState()
    {
        var key = await fixture.CreateKeyAsync("quiet-bot", ["ci"]);
        await fixture.Keys.RevokeAsync("quiet-bot", fixture.Time.GetUtcNow(), CancellationToken.None);
        var forged = key[..^4] + (key[^4..] == "AAAA" ? "BBBB" : "AAAA");

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: forged);

        await IdentityHttp.ProblemAsync(response, "invalid_api_key", secret: forged);
    }

    [Theory]
    [InlineData("gk_")]
    [InlineData("gk_aaaaaaaaaaaa_tooshort")]
    [InlineData("gk_zzzzzzzzzzzz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Authenticate_MalformedOrUnknownKey_RefusedAsInvalid(string key)
    {
        using var response = await IdentityHttp.GetAsync(fixture.Client, apiKey: key);

        await IdentityHttp.ProblemAsync(response, "invalid_api_key", secret: key);
    }

    [Fact]
    public async Task Authenticate_NoCredentials_RefusedAsMissing()
    {
        using var response = await IdentityHttp.GetAsync(fixture.Client);

        await IdentityHttp.ProblemAsync(response, "missing_credentials");
        Assert.DoesNotContain("error=", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_TwoAuthorizationHeaderLines_RefusedAsAmbiguous()
    {
        var key = await fixture.CreateKeyAsync("twice-bot", ["ci"]);

        var (status, body) = await RawHttp.GetAsync(
            fixture.Client.BaseAddress!, "/whoami", ["Authorization: Bearer " + key, "Authorization: Bearer " + key]);

        Assert.Equal(401, status);
        Assert.Contains("\"code\":\"ambiguous_credentials\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_TwoCredentialsJoinedInOneAuthorizationHeader_RefusedAsAmbiguous()
    {
        var key = await fixture.CreateKeyAsync("joined-bot", ["ci"]);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.TryAddWithoutValidation("Authorization", ["Bearer " + key, "Bearer " + key]);

        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        await IdentityHttp.ProblemAsync(response, "ambiguous_credentials", secret: key);
    }

    [Fact]
    public async Task Authenticate_DifferentKeysInTheTwoHeaders_RefusedAsAmbiguous()
    {
        var first = await fixture.CreateKeyAsync("first-bot", ["ci"]);
        var second = await fixture.CreateKeyAsync("second-bot", ["admins"]);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: first, apiKey: second);

        await IdentityHttp.ProblemAsync(response, "ambiguous_credentials", secret: second);
    }

    [Fact]
    public async Task Authenticate_BasicAuthorization_RefusedAsMissing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic dXNlcjpwYXNz");

        using var response = await fixture.Client.SendAsync(request, TestContext.Current.CancellationToken);

        var detail = await IdentityHttp.ProblemAsync(response, "missing_credentials", secret: "dXNlcjpwYXNz");
        Assert.Contains("Bearer", detail, StringComparison.Ordinal);
    }
}
