using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.FunctionalTests.ForwardProxy;

/// <summary>Never an open proxy: unauthenticated callers, other hosts, other ports and the gateway's own network are refused.</summary>
public sealed class ForwardProxyRefusalTests : GatewayTest
{
    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        var (files, _) = ProxyClients.CreateCa(Path.GetDirectoryName(config.Storage.Sqlite)!);
        return config with
        {
            Proxy = new ProxyConfig
            {
                Listen = "http://127.0.0.1:0",
                Intercept = [new ProxyInterceptConfig { Host = "api.openai.com", Connection = "openai" }],
                Tunnel = ["localhost", "github.com", "gatehouse-test.invalid"],
                Ca = files,
            },
        };
    }

    [Fact]
    public async Task Connect_WithoutCredentials_Gets407WithABasicChallenge()
    {
        var answer = await ProxyClients.RefusedConnectAsync(Gateway.ProxyUri!, "api.openai.com:443", password: null);

        Assert.StartsWith("HTTP/1.1 407 ", answer, StringComparison.Ordinal);
        Assert.Contains("Proxy-Authenticate: Basic realm=\"gatehouse\"", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"missing_credentials\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WithABadCredential_Gets407AndTheCredentialIsNotEchoed()
    {
        var answer = await ProxyClients.RefusedConnectAsync(Gateway.ProxyUri!, "api.openai.com:443", "gk_notarealkey_0123456789abcdef");

        Assert.StartsWith("HTTP/1.1 407 ", answer, StringComparison.Ordinal);
        Assert.Contains("Proxy-Authenticate: Basic", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("notarealkey", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ToAHostNeitherInterceptedNorTunnelled_Gets403()
    {
        var answer = await ProxyClients.RefusedConnectAsync(Gateway.ProxyUri!, "example.org:443", Gateway.Token("ivy", "dev"));

        Assert.StartsWith("HTTP/1.1 403 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"proxy_host_not_allowed\"", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("api.openai.com:8443")]
    [InlineData("github.com:22")]
    public async Task Connect_ToAPortOutsideTheList_Gets403(string target)
    {
        var answer = await ProxyClients.RefusedConnectAsync(Gateway.ProxyUri!, target, Gateway.Token("jack", "dev"));

        Assert.StartsWith("HTTP/1.1 403 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"proxy_port_not_allowed\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ToAListedHostThatResolvesToLoopback_Gets403()
    {
        var answer = await ProxyClients.RefusedConnectAsync(Gateway.ProxyUri!, "localhost:443", Gateway.Token("kim", "dev"));

        Assert.StartsWith("HTTP/1.1 403 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"proxy_target_not_allowed\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_ToAListedHostThatDoesNotResolve_Gets502AndTheAuditRecordsThe502()
    {
        // A name under .invalid never resolves (RFC 6761), so the proxy answers 502; its audit entry must say what the
        // client was answered, not the 403 of a policy refusal.
        var answer = await ProxyClients.RefusedConnectAsync(Gateway.ProxyUri!, "gatehouse-test.invalid:443", Gateway.Token("lou", "dev"));

        Assert.StartsWith("HTTP/1.1 502 ", answer, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"proxy_target_unresolved\"", answer, StringComparison.Ordinal);
        await using var store = Gateway.OpenStore();
        var refused = new List<Gatehouse.Audit.Chain.AuditEntry>();
        await foreach (var entry in store.ReadAllAsync(CancellationToken.None))
        {
            if (entry.Kind == "proxy.connect.refused")
            {
                refused.Add(entry);
            }
        }

        var only = Assert.Single(refused);
        Assert.Equal(502, only.Index.Status);
        Assert.Equal("deny", only.Index.Decision);
    }

    [Fact]
    public async Task OriginFormRequest_OnTheProxyPort_IsRefusedNotServed()
    {
        using var http = new HttpClient { BaseAddress = Gateway.ProxyUri };

        using var response = await http.GetAsync("/healthz", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not_a_proxy_request", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}
