using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

public sealed class RefusalTests : GatewayTest
{
    protected override GatehouseConfig Adjust(GatehouseConfig config) => config with { Limits = config.Limits with { MaxRequestBodyBytes = 4096 } };

    [Fact]
    public async Task NoCredentials_Gets401Problem_AndNothingIsForwarded()
    {
        using var response = await Gateway.Client().PostAsync("openai/v1/chat/completions", Json("{}"), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.Unauthorized, "missing_credentials");
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task GarbageToken_Gets401_WithoutEchoingTheToken()
    {
        const string token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

        using var response = await Gateway.Client(token).PostAsync("openai/v1/chat/completions", Json("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task UnknownConnection_Gets404Problem()
    {
        using var response = await Gateway.Client(Gateway.Token("erin")).GetAsync("nope/v1/models", TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.NotFound, "unknown_connection");
    }

    [Fact]
    public async Task CallerOutsideAllowedGroups_Gets403_AndTheRefusalIsAudited()
    {
        using var response = await Gateway.Client(Gateway.Token("frank", "dev")).PostAsync(
            "locked/v1/chat/completions", Json("""{"model":"m","messages":[]}"""), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.Forbidden, "connection_forbidden");
        Assert.Empty(Upstream.Received);
        var record = await Gateway.WaitForExchangeAsync("frank");
        Assert.Equal("deny", record.Intent.Decision);
        Assert.Equal(403, record.Outcome!.Status);
    }

    [Fact]
    public async Task CallerInAllowedGroup_IsForwarded()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));

        using var response = await Gateway.Client(Gateway.Token("gina", "admins")).PostAsync(
            "locked/v1/chat/completions", Json("""{"model":"m","messages":[{"role":"user","content":"hi"}]}"""), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(Upstream.Received);
    }

    [Theory]
    [InlineData("openai/v1/..%2f..%2fraw/secret")]
    [InlineData("openai/v1%2fchat/completions")]
    [InlineData("openai/v1/%252e%252e/models")]
    [InlineData("openai/v1//chat/completions")]
    public async Task PathTricks_AreRefused_AndNeverForwarded(string path)
    {
        using var response = await Gateway.Client(Gateway.Token("hank")).PostAsync(path, Json("{}"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task OversizeBody_Gets413()
    {
        var body = JsonSerializer.Serialize(new { model = "m", messages = new[] { new { role = "user", content = new string('x', 8000) } } });

        using var response = await Gateway.Client(Gateway.Token("ivan")).PostAsync("openai/v1/chat/completions", Json(body), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.RequestEntityTooLarge, "request_too_large");
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task MalformedChatBody_Gets400_AndIsNotForwarded()
    {
        using var response = await Gateway.Client(Gateway.Token("judy")).PostAsync("openai/v1/chat/completions", Json("{not json"), TestContext.Current.CancellationToken);

        await AssertProblem(response, HttpStatusCode.BadRequest, "invalid_request_body");
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task SpoofedIdentityHeaders_AreNotForwarded_AndDoNotChangeTheCaller()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsJsonAsync(new { ok = true });
        using var request = new HttpRequestMessage(HttpMethod.Get, "raw/anything");
        request.Headers.Add("X-Forwarded-User", "root");
        request.Headers.Add("X-Forwarded-For", "10.0.0.1");
        request.Headers.Add("x-gatehouse-user", "root");
        request.Headers.Add("X-Real-IP", "10.0.0.2");
        request.Headers.Add("Forwarded", "for=10.0.0.3");

        // Upstreams behind CGI, WSGI or some proxies read '_' as '-': underscore spellings could override the
        // connection's credential or pass the stripped headers on.
        request.Headers.TryAddWithoutValidation("x_upstream_key", "caller-chosen-credential");
        request.Headers.TryAddWithoutValidation("X_Forwarded_For", "10.9.9.9");
        request.Headers.TryAddWithoutValidation("x_gatehouse_user", "root");
        request.Headers.TryAddWithoutValidation("x_api_key", "caller-key");

        using var response = await Gateway.Client(Gateway.Token("kim")).SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(Upstream.Received);
        Assert.DoesNotContain(received.Headers.Keys, k => k.StartsWith("X-Forwarded", StringComparison.OrdinalIgnoreCase) || k.StartsWith("x-gatehouse", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(received.Headers.Keys, k => k.Contains('_', StringComparison.Ordinal) || k is "X-Real-IP" or "Forwarded");
        Assert.Equal(GatewayUnderTest.UpstreamSecret, received.Headers["x-upstream-key"]);
        var record = await Gateway.WaitForExchangeAsync("kim");
        Assert.Equal(("kim", "127.0.0.1"), (record.Intent.Identity.Subject, record.Intent.ClientAddress));
        await using var store = Gateway.OpenStore();
        Assert.Empty((await store.SearchAsync(new ExchangeQuery { User = "root" }, TestContext.Current.CancellationToken)).Items);
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }
}
