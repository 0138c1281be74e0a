using Gatehouse.Gateway.Identity.Development;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Gatehouse.Gateway.Tests.Identity;

[Collection(IdentityCollection.Name)]
public sealed class DevIssuerTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Authenticate_MintedDevToken_ValidatedThroughDiscoveryOverHttp()
    {
        var token = new DevTokenMinter(fixture.DevKey, fixture.Time).Mint(fixture.DevPublicBase, "alice", ["dev", "ops"]);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token);

        var identity = await IdentityHttp.IdentityAsync(response);
        Assert.Equal("alice", identity.GetProperty("subject").GetString());
        Assert.Equal("alice@dev.local", identity.GetProperty("email").GetString());
        Assert.Equal(DevIssuer.IssuerUrl(fixture.DevPublicBase), identity.GetProperty("issuer").GetString());
        Assert.Equal(["dev", "ops"], IdentityHttp.Groups(identity));
    }

    [Fact]
    public void Mint_Token_CarriesAccessTokenShape()
    {
        var now = fixture.Time.GetUtcNow();
        var token = new JsonWebToken(new DevTokenMinter(fixture.DevKey, fixture.Time).Mint("http://127.0.0.1:8080/", "bob@corp.example", ["ci"]));

        Assert.Equal("at+jwt", token.Typ);
        Assert.Equal("RS256", token.Alg);
        Assert.Equal(fixture.DevKey.KeyId, token.Kid);
        Assert.Equal("http://127.0.0.1:8080/dev-issuer", token.Issuer);
        Assert.Equal(["gatehouse"], token.Audiences);
        Assert.Equal("bob@corp.example", token.GetClaim("email").Value);
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.Equal(now.ToUnixTimeSeconds(), new DateTimeOffset(token.IssuedAt).ToUnixTimeSeconds());
        Assert.Equal(now.AddHours(8).ToUnixTimeSeconds(), new DateTimeOffset(token.ValidTo).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Authenticate_DevTokenPastItsLifetime_RefusedAsExpired()
    {
        var minter = new DevTokenMinter(fixture.DevKey, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(fixture.Time.GetUtcNow().AddHours(-9)));
        var token = minter.Mint(fixture.DevPublicBase, "alice", ["dev"]);

        using var response = await IdentityHttp.GetAsync(fixture.Client, bearer: token);

        await IdentityHttp.ProblemAsync(response, "token_expired", secret: token);
    }

    [Fact]
    public void LoadOrCreate_ExistingFile_ReusesKeyWithOwnerOnlyPermissions()
    {
        var directory = Directory.CreateTempSubdirectory("gatehouse-dev-key").FullName;
        try
        {
            var path = Path.Combine(directory, ".gatehouse", "dev-issuer.jwk.json");

            var created = DevSigningKey.LoadOrCreate(path);
            var loaded = DevSigningKey.LoadOrCreate(path);

            Assert.Equal(created.KeyId, loaded.KeyId);
            Assert.Equal(created.PublicParameters, loaded.PublicParameters);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
