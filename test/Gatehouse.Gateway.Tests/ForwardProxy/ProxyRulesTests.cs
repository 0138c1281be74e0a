using System.Net;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Listening;
using Gatehouse.Gateway.ForwardProxy.Routing;

namespace Gatehouse.Gateway.Tests.ForwardProxy;

public sealed class ProxyRulesTests
{
    [Theory]
    [InlineData("*.githubcopilot.com", "api.individual.githubcopilot.com", true)]
    [InlineData("*.githubcopilot.com", "proxy.githubcopilot.com", true)]
    [InlineData("*.githubcopilot.com", "githubcopilot.com", false)]
    [InlineData("*.githubcopilot.com", "evilgithubcopilot.com", false)]
    [InlineData("api.anthropic.com", "API.Anthropic.com", true)]
    [InlineData("api.anthropic.com", "api.anthropic.com.evil.net", false)]
    public void HostPattern_Matches_OnlyTheNamesItCovers(string pattern, string host, bool matches)
        => Assert.Equal(matches, HostPattern.TryParse(pattern)!.Matches(host));

    [Theory]
    [InlineData("127.0.0.1", true, false)]
    [InlineData("::1", true, false)]
    [InlineData("169.254.169.254", true, false)]
    [InlineData("fe80::1", true, false)]
    [InlineData("0.0.0.0", true, false)]
    [InlineData("::ffff:127.0.0.1", true, false)]
    [InlineData("224.0.0.1", true, false)]
    [InlineData("10.1.2.3", true, true)]
    [InlineData("10.1.2.3", false, false)]
    [InlineData("192.168.1.1", false, false)]
    [InlineData("140.82.112.3", false, true)]
    public void TargetAddresses_RefuseLoopbackAndLinkLocalAlways_AndPrivateUnlessListed(string address, bool listed, bool allowed)
        => Assert.Equal(allowed, TargetAddresses.Allowed(IPAddress.Parse(address), listed));

    [Fact]
    public void Routes_PreferInterception_ThenTheTunnelList_ThenTheDefault()
    {
        var routes = new ProxyRoutes(new ProxyConfig
        {
            Listen = "http://127.0.0.1:3128",
            Intercept = [new ProxyInterceptConfig { Host = "*.githubcopilot.com", Connection = "copilot" }],
            Tunnel = ["github.com", "*.githubcopilot.com"],
        });

        Assert.Equal(new ProxyRoute(ProxyRouteKind.Intercept, "copilot", true), routes.Find("api.githubcopilot.com"));
        Assert.Equal(new ProxyRoute(ProxyRouteKind.Tunnel, null, true), routes.Find("github.com"));
        Assert.Equal(ProxyRoute.Refused, routes.Find("example.org"));
    }

    [Theory]
    [InlineData("api.openai.com:443", "api.openai.com", 443)]
    [InlineData("[::1]:8443", "::1", 8443)]
    [InlineData("10.0.0.1:443", "10.0.0.1", 443)]
    [InlineData("api.openai.com", null, 0)]
    [InlineData("api.openai.com:0", null, 0)]
    [InlineData("*.openai.com:443", null, 0)]
    [InlineData("a b:443", null, 0)]
    public void ProxyTarget_ParsesAuthorityForm(string authority, string? host, int port)
    {
        var target = ProxyTarget.TryParse(authority);

        Assert.Equal(host, target?.Host);
        Assert.Equal(port, target?.Port ?? 0);
    }
}
