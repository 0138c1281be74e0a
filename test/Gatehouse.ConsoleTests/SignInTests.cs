using System.Net;
using Gatehouse.ConsoleTests.Infrastructure;
using Microsoft.Playwright;

namespace Gatehouse.ConsoleTests;

/// <summary>Signing in to the console: the OpenID Connect code flow with PKCE, a cookie session, and nothing else.</summary>
public sealed class SignInTests(ConsoleBrowser browser, ConsoleGateway gateway) : ConsoleTest(browser, gateway), IClassFixture<ConsoleGateway>
{
    /// <summary>Every test here signs in through the issuer: the flow is what they test.</summary>
    protected override bool ReusesSessions => false;

    [Theory]
    [InlineData("alice", "dev", "developer (reads only your own exchanges)")]
    [InlineData("bob", "dev, reviewers", "developer (reads only your own exchanges)")]
    [InlineData("carol", "auditor", "auditor")]
    public async Task SignIn_ThroughTheDevelopmentIssuer_ShowsThePersonWithTheirGroupsAndRoles(string user, string groups, string roles)
    {
        var page = await SignInAsync(user);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Signed in as " + user);
        await Assertions.Expect(page.GetByTestId("groups")).ToHaveTextAsync(groups);
        await Assertions.Expect(page.GetByTestId("roles")).ToHaveTextAsync(roles);
        var session = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == "gatehouse.console");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        Assert.Equal("/console", session.Path);
    }

    [Fact]
    public async Task ConsolePages_CarryAStrictContentSecurityPolicy_AndServeTheirOwnAssets()
    {
        var page = await SignInAsync("bob");
        var response = await page.GotoAsync(Url("console/reviews"));
        var script = await page.Context.APIRequest.GetAsync(Url("console/assets/console.js"));

        var policy = response!.Headers["content-security-policy"];
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers["cache-control"], StringComparison.Ordinal);
        Assert.Equal(200, script.Status);
        Assert.StartsWith("text/javascript", script.Headers["content-type"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession_AndTheNextVisitAsksToSignInAgain()
    {
        var page = await SignInAsync("carol");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You are signed out");
        await page.GotoAsync(Url("console/reviews"));

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dev-issuer/authorize\\?"));
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "gatehouse.console");
    }

    [Fact]
    public async Task BearerToken_NeverOpensTheConsole_OnlyTheBrowserSignInDoes()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Gateway.BaseUri };
        client.DefaultRequestHeaders.Authorization = new("Bearer", Gateway.Token("carol", "auditor"));

        using var response = await client.GetAsync("console/reviews", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/dev-issuer/authorize?", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
