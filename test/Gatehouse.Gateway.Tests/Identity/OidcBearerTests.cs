using Gatehouse.Testing;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class OidcBearerTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Authenticate_OpenIddictAccessToken_AcceptedWithGroups()
    {
        var token = await fixture.Idp.RequestTokenAsync("alice", "dev,ops");

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token);

        var identity = await IdentityHttp.IdentityAsync(response, fixture.Logs);
        Assert.Equal("alice", identity.GetProperty("subject").GetString());
        Assert.Equal("alice@example.com", identity.GetProperty("email").GetString());
        Assert.Equal(["dev", "ops"], IdentityHttp.Groups(identity));
        Assert.Equal(fixture.Idp.Issuer, identity.GetProperty("issuer").GetString());
        Assert.Equal("oidc", identity.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Authenticate_IssuerWithNestedGroupsPath_ReadsRealmRoles()
    {
        var token = await fixture.Idp.RequestTokenAsync("bob", "ignored", realmRoles: "realm-admin,viewer", asSecondIssuer: true);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token);

        var identity = await IdentityHttp.IdentityAsync(response, fixture.Logs);
        Assert.Equal(fixture.Idp.SecondIssuer, identity.GetProperty("issuer").GetString());
        Assert.Equal(["realm-admin", "viewer"], IdentityHttp.Groups(identity));
    }

    [Fact]
    public async Task Authenticate_TokenInApiKeyHeader_Accepted()
    {
        var token = await fixture.Idp.RequestTokenAsync("carol", "dev");

        using var response = await IdentityHttp.GetAsync(fixture.Client, apiKey: token);

        Assert.Equal("carol", (await IdentityHttp.IdentityAsync(response, fixture.Logs)).GetProperty("subject").GetString());
    }

    [Theory]
    [InlineData("alg-none", "invalid_token")]
    [InlineData("hs256-with-public-key", "invalid_token")]
    [InlineData("unknown-kid", "invalid_token")]
    [InlineData("wrong-issuer", "untrusted_issuer")]
    [InlineData("wrong-audience", "invalid_token")]
    [InlineData("expired", "token_expired")]
    [InlineData("not-yet-valid", "invalid_token")]
    [InlineData("no-expiry", "invalid_token")]
    [InlineData("id-token-type", "invalid_token")]
    [InlineData("not-a-jwt", "invalid_token")]
    [InlineData("jwt-shaped-garbage", "invalid_token")]
    public async Task Authenticate_ForgedOrInvalidToken_RefusedWithCode(string forgery, string code)
    {
        var token = Forge(forgery);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token);

        var detail = await IdentityHttp.ProblemAsync(response, code, secret: token);
        Assert.DoesNotContain("IDX", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_ExpiredWithinClockSkew_Accepted()
    {
        var descriptor = TokenForge.Descriptor(fixture.Idp.Issuer, fixture.Idp.SigningKey, fixture.Time.GetUtcNow().AddMinutes(-10));
        descriptor.Expires = fixture.Time.GetUtcNow().UtcDateTime.AddSeconds(-30);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: TokenForge.Sign(descriptor));

        Assert.Equal("mallory", (await IdentityHttp.IdentityAsync(response, fixture.Logs)).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Authenticate_PlainJwtType_Accepted()
    {
        var descriptor = TokenForge.Descriptor(fixture.Idp.Issuer, fixture.Idp.SigningKey, fixture.Time.GetUtcNow());
        descriptor.TokenType = "JWT";

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: TokenForge.Sign(descriptor));

        Assert.Equal(["admins"], IdentityHttp.Groups(await IdentityHttp.IdentityAsync(response, fixture.Logs)));
    }

    [Fact]
    public async Task Authenticate_IdpRotatesSigningKey_NewTokensAcceptedWithoutRestart()
    {
        var before = await fixture.Idp.RequestTokenAsync("dave", "dev");
        using (var first = await IdentityHttp.GetAsync(fixture.Client, bearer: before))
        {
            await IdentityHttp.IdentityAsync(first, fixture.Logs);
        }

        var oldKid = fixture.Idp.SigningKey.KeyId;
        fixture.Idp.RotateSigningKey();
        var after = await fixture.Idp.RequestTokenAsync("dave", "dev");
        Assert.NotEqual(oldKid, new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(after).Kid);

        // The first request with the new kid triggers the JWKS refresh; requests are refused until it completes.
        var accepted = await Eventually.ValueAsync(
            async () =>
            {
                var response = await IdentityHttp.GetAsync(fixture.Client, bearer: after);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                response.Dispose();
                return null;
            },
            "a token signed with the rotated key to be accepted");

        Assert.Equal("dave", (await IdentityHttp.IdentityAsync(accepted, fixture.Logs)).GetProperty("subject").GetString());
        accepted.Dispose();
    }

    [Fact]
    public async Task Challenge_AuthorizeEndpointWithExpiredToken_WritesProblem()
    {
        var token = Forge("expired");

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token, path: "/protected");

        await IdentityHttp.ProblemAsync(response, "token_expired", secret: token);
    }

    [Fact]
    public async Task Challenge_AuthorizeEndpointWithoutCredentials_WritesProblem()
    {
        using var response = await IdentityHttp.GetAsync(fixture.Client, path: "/protected");

        await IdentityHttp.ProblemAsync(response, "missing_credentials");
    }

    [Fact]
    public async Task Challenge_AuthorizeEndpointWithValidToken_Allowed()
    {
        var token = await fixture.Idp.RequestTokenAsync("erin", "dev");

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token, path: "/protected");

        Assert.Equal("erin", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private string Forge(string forgery)
    {
        var now = fixture.Time.GetUtcNow();
        var key = fixture.Idp.SigningKey;
        var descriptor = TokenForge.Descriptor(fixture.Idp.Issuer, key, now);
        switch (forgery)
        {
            case "alg-none":
                return TokenForge.Unsigned(fixture.Idp.Issuer, now);
            case "hs256-with-public-key":
                descriptor.SigningCredentials = new SigningCredentials(TokenForge.PublicKeyAsHmacSecret(key), SecurityAlgorithms.HmacSha256);
                break;
            case "unknown-kid":
                var stranger = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "not-published" };
                descriptor.SigningCredentials = new SigningCredentials(stranger, SecurityAlgorithms.RsaSha256);
                break;
            case "wrong-issuer":
                descriptor.Issuer = "https://evil.example/";
                break;
            case "wrong-audience":
                descriptor.Audience = "some-other-api";
                break;
            case "expired":
                descriptor.IssuedAt = descriptor.NotBefore = now.UtcDateTime.AddHours(-2);
                descriptor.Expires = now.UtcDateTime.AddMinutes(-5);
                break;
            case "not-yet-valid":
                descriptor.NotBefore = now.UtcDateTime.AddMinutes(5);
                descriptor.Expires = now.UtcDateTime.AddMinutes(30);
                break;
            case "no-expiry":
                descriptor.Expires = null;
                break;
            case "id-token-type":
                descriptor.TokenType = "id+jwt";
                break;
            case "not-a-jwt":
                return "definitely-not-a-token";
            case "jwt-shaped-garbage":
                return "eyJhbGciOiJSUzI1NiJ9.bm90LWpzb24.c2lnbmF0dXJl";
            default:
                throw new ArgumentOutOfRangeException(nameof(forgery), forgery, null);
        }

        return TokenForge.Sign(descriptor);
    }
}
