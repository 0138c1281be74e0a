using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.ForwardProxy.Listening;
using Gatehouse.Gateway.Identity;
using Gatehouse.Gateway.Identity.Credentials;
using Gatehouse.Gateway.Identity.Development;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Gatehouse.Gateway.Tests.Identity;

public sealed class CredentialRouterTests
{
    private const string Issuer = "https://idp.example/";
    private static readonly CredentialRouter Router = new([KeyValuePair.Create(Issuer, "Gatehouse.Oidc.0")], apiKeys: true);

    [Theory]
    [InlineData("Authorization", "Bearer gk_anything", "Gatehouse.ApiKey")]
    [InlineData("Authorization", "bearer gk_anything", "Gatehouse.ApiKey")]
    [InlineData("x-api-key", "gk_anything", "Gatehouse.ApiKey")]
    [InlineData("Authorization", "Bearer {token}", "Gatehouse.Oidc.0")]
    [InlineData("x-api-key", "{token}", "Gatehouse.Oidc.0")]
    [InlineData("Authorization", "Bearer {other}", "Gatehouse.Rejected")]
    [InlineData("Authorization", "Bearer ", "Gatehouse.Rejected")]
    [InlineData("Authorization", "Token abc", "Gatehouse.Rejected")]
    public void Route_Credential_PicksScheme(string header, string value, string scheme)
    {
        var context = Request((header, value.Replace("{token}", Token(Issuer)).Replace("{other}", Token("https://other.example/"))));

        Assert.Equal(scheme, Router.Route(context).Scheme);
    }

    [Fact]
    public void Route_SameRequestAskedAgain_KeepsTheRouteOfTheSameCredential()
    {
        var router = new CredentialRouter([KeyValuePair.Create(Issuer, "Gatehouse.Oidc.0")], apiKeys: true);
        var context = Request(("Authorization", "Bearer " + Token(Issuer)));

        var first = router.Route(context);
        var second = router.Route(context);

        Assert.Same(first, second);
        Assert.Equal((1L, 1L), (router.Routed, router.IssuersRead));
    }

    // The forward proxy puts its Proxy-Authorization credential in place after ASP.NET Core's authentication middleware
    // has routed the request's own Authorization (the upstream's): the route kept for one must not answer for the other.
    [Fact]
    public void Route_ProxyCredentialPutInPlaceAfterAuthorizationWasRouted_IsRoutedItself()
    {
        var router = new CredentialRouter([KeyValuePair.Create(Issuer, "Gatehouse.Oidc.0")], apiKeys: true);
        var context = Request(("Authorization", "Bearer sk-upstream-placeholder"));
        Assert.Equal(GatehouseAuthenticationSchemes.Rejected, router.Route(context).Scheme);

        context.Features.Set(new ProxyCaller(new PresentedCredential("gk_proxy", null), "api.example"));

        Assert.Equal(GatehouseAuthenticationSchemes.ApiKey, router.Route(context).Scheme);
        Assert.Equal(2L, router.Routed);
    }

    [Fact]
    public void Route_ApiKeyWhenKeysDisabled_RejectedAsInvalidApiKey()
    {
        var router = new CredentialRouter([], apiKeys: false);

        var route = router.Route(Request(("x-api-key", "gk_abc")));

        Assert.Equal(GatehouseAuthenticationSchemes.Rejected, route.Scheme);
        Assert.Equal(IdentityFailureCode.InvalidApiKey, route.Failure?.Code);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8080", null, "http://127.0.0.1:8080")]
    [InlineData("http://*:9000/", null, "http://127.0.0.1:9000")]
    [InlineData("http://[::]:8080", null, "http://127.0.0.1:8080")]
    [InlineData("http://127.0.0.1:8080", "https://gw.corp.example/", "https://gw.corp.example")]
    public void PublicBase_ServerConfig_IsReachableAndStable(string url, string? publicUrl, string expected) =>
        Assert.Equal(expected, DevIssuer.PublicBase(new ServerConfig { Urls = [url], PublicUrl = publicUrl }));

    private static HttpContext Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers.Append(name, value);
        }

        return context;
    }

    private static string Token(string issuer) =>
        TokenForge.Sign(TokenForge.Descriptor(issuer, new SymmetricSecurityKey(new byte[32]), DateTimeOffset.UnixEpoch, SecurityAlgorithms.HmacSha256));
}
