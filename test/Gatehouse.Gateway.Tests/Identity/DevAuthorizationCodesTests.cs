using Gatehouse.Gateway.Identity.Development;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class DevAuthorizationCodesTests
{
    // RFC 7636, appendix B.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Redeem_IssuedCode_ReturnsItsGrantOnce()
    {
        var codes = new DevAuthorizationCodes(_time);
        var code = codes.Issue(DevUser.Find("bob")!, "gatehouse-console", "http://127.0.0.1:8080/console/signin-oidc", Challenge, "n-1");

        var grant = codes.Redeem(code);
        var again = codes.Redeem(code);

        Assert.Equal("bob", grant!.User.Subject);
        Assert.Equal(["dev", DevUser.ReviewerGroup], grant.User.Groups);
        Assert.Equal("n-1", grant.Nonce);
        Assert.Null(again);
    }

    [Fact]
    public void Redeem_CodeOlderThanAMinute_IsRefused()
    {
        var codes = new DevAuthorizationCodes(_time);
        var code = codes.Issue(DevUser.Find("alice")!, "gatehouse-console", "http://127.0.0.1:8080/console/signin-oidc", Challenge, null);

        _time.Advance(DevAuthorizationCodes.Lifetime);

        Assert.Null(codes.Redeem(code));
    }

    [Theory]
    [InlineData(Verifier, Challenge, true)]
    [InlineData("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXj", Challenge, false)]
    [InlineData("short", "short", false)]
    public void VerifierMatches_ChecksTheS256Challenge(string verifier, string challenge, bool matches)
        => Assert.Equal(matches, DevAuthorizationCodes.VerifierMatches(verifier, challenge));
}
