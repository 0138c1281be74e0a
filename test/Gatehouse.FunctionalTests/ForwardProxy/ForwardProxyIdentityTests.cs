using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Identity.ApiKeys;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gatehouse.FunctionalTests.ForwardProxy;

/// <summary>
/// Through the forward proxy the caller is the proxy credential's owner alone: the request's own <c>Authorization</c>
/// belongs to the upstream, even when it is another caller's credential for the very same scheme.
/// </summary>
public sealed class ForwardProxyIdentityTests : GatewayTest
{
    // Only alice (by token or by her key) may call; mallory is refused, so a request the policy judged as mallory's
    // cannot pass as alice's.
    private const string Policy = """
        default: deny
        rules:
          - name: alice-only
            match: {users: [alice@example.com, 'apikey:alice-bot']}
            effect: allow
        """;

    private X509Certificate2 _ca = null!;
    private string _policyPath = "";

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        var (files, certificate) = ProxyClients.CreateCa(Path.GetDirectoryName(config.Storage.Sqlite)!);
        _ca = certificate;
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-proxy-identity-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(_policyPath, Policy);
        return config with
        {
            Policy = new PolicyConfig { File = _policyPath },
            Proxy = new ProxyConfig
            {
                Listen = "http://127.0.0.1:0",
                Intercept = [new ProxyInterceptConfig { Host = "api.openai.com", Connection = "openai" }],
                Ca = files,
            },
        };
    }

    protected override void CleanUp() => File.Delete(_policyPath);

    [Theory]
    [InlineData("https", false)]
    [InlineData("http", false)]
    [InlineData("https", true)]
    [InlineData("http", true)]
    public async Task ProxyCredential_IdentifiesTheCaller_NotTheRequestsOwnAuthorizationFromTheSameScheme(string scheme, bool apiKeys)
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        var (alice, aliceSubject) = apiKeys ? (await KeyAsync("alice-bot", "alice@example.com"), "apikey:alice-bot") : (Gateway.Token("alice@example.com", "dev"), "alice@example.com");
        var mallory = apiKeys ? await KeyAsync("mallory-bot", "mallory@example.com") : Gateway.Token("mallory@example.com", "dev");
        using var http = ProxyClients.Through(Gateway.ProxyUri!, alice, _ca);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{scheme}://api.openai.com/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mallory);

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        // Whoever it names: a misattributed exchange is recorded too, under the other caller.
        var record = await Gateway.WaitForExchangeAsync(null);
        Assert.Equal(aliceSubject, record.Intent.Identity.Subject);
        Assert.Equal("allow", record.Intent.Decision);
        Assert.Equal(["alice-only"], record.Intent.Rules);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer " + GatewayUnderTest.UpstreamSecret, Assert.Single(Upstream.Received).Headers["Authorization"]);
    }

    private async Task<string> KeyAsync(string name, string owner)
    {
        var keys = ActivatorUtilities.CreateInstance<ApiKeyAdministration>(Gateway.Services);
        var issued = await keys.CreateAsync(name, owner, "dev", "1d", "proxy-identity-test", TestContext.Current.CancellationToken);
        Assert.Null(issued.Error);
        return issued.Key!.Plaintext;
    }
}
