using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Development;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class IdentityConfigChecksTests
{
    private static readonly OidcIssuerConfig Good = new() { Issuer = "https://idp.example/realms/corp", Audiences = ["gatehouse"] };

    [Fact]
    public void Validate_DefaultsAndDevIssuer_NoErrors()
    {
        var config = new IdentityConfig { Oidc = [Good, DevIssuer.IssuerConfig("http://127.0.0.1:8080")] };

        Assert.Empty(IdentityConfigChecks.Validate(config));
    }

    [Fact]
    public void Validate_EveryMistake_ReportsEachWithItsPath()
    {
        var config = new IdentityConfig
        {
            ApiKeys = false,
            Oidc =
            [
                Good with { Issuer = "http://idp.example", Algorithms = ["RS256", "HS256"] },
                Good with { Audiences = [], ClockSkew = TimeSpan.FromHours(1), TokenTypes = [], GroupsClaim = " " },
                Good,
                Good with { Issuer = "htp//nope", MetadataAddress = "http://meta.example" },
            ],
        };

        var errors = IdentityConfigChecks.Validate(config);

        Assert.Equal(
            [
                "identity.oidc[0].issuer: 'http://idp.example' uses plain HTTP",
                "identity.oidc[0].algorithms: 'HS256' is not accepted",
                "identity.oidc[1].audiences: required",
                "identity.oidc[1].clockSkew: 01:00:00 is outside",
                "identity.oidc[1].tokenTypes: at least one",
                "identity.oidc[1].groupsClaim: must name a claim",
                "identity.oidc[2].issuer: 'https://idp.example/realms/corp' is already trusted by identity.oidc[1]",
                "identity.oidc[3].issuer: 'htp//nope' is not an absolute http(s) URL",
                "identity.oidc[3].metadataAddress: 'http://meta.example' uses plain HTTP",
            ],
            errors.Select(e => e[..Math.Min(e.Length, Prefix(e))]));
    }

    [Fact]
    public void Validate_NoIssuersAndNoKeys_ReportsNoWayToIdentify()
    {
        var error = Assert.Single(IdentityConfigChecks.Validate(new IdentityConfig { ApiKeys = false }));

        Assert.StartsWith("identity: no way to identify callers", error, StringComparison.Ordinal);
    }

    // Compares each error up to the end of its leading phrase, so that wording after it may improve freely.
    private static int Prefix(string error)
    {
        string[] ends = ["uses plain HTTP", "is not accepted", "required", "is outside", "at least one", "must name a claim", "by identity.oidc[1]", "http(s) URL"];
        return ends.Select(end => error.IndexOf(end, StringComparison.Ordinal) is var i and >= 0 ? i + end.Length : int.MaxValue).Min();
    }
}
