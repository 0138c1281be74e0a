using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Masking.Rules.Catalog;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests.ForwardProxy;

/// <summary>
/// A client that only sets the proxy and trusts the organisation's CA is governed like one that changed its base URL:
/// the OpenAI SDK reaches https://api.openai.com through the proxy, which maps the host to the openai connection.
/// </summary>
public sealed class ForwardProxyTests : GatewayTest
{
    private static readonly string GitHubToken = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;

    private X509Certificate2 _ca = null!;

    protected override GatehouseConfig Adjust(GatehouseConfig config)
    {
        var (files, certificate) = ProxyClients.CreateCa(Path.GetDirectoryName(config.Storage.Sqlite)!);
        _ca = certificate;
        var openai = config.Connections.Single(c => c.Name == "openai");
        return config with
        {
            Connections = [.. config.Connections, openai with { Name = "copilot", Credential = null, CredentialPassthrough = true }],
            Proxy = new ProxyConfig
            {
                Listen = "http://127.0.0.1:0",
                Intercept =
                [
                    new ProxyInterceptConfig { Host = "api.openai.com", Connection = "openai" },
                    new ProxyInterceptConfig { Host = "*.githubcopilot.com", Connection = "copilot" },
                ],
                Ca = files,
            },
        };
    }

    [Fact]
    public async Task Sdk_ThroughProxy_IsMaskedBothWaysAndAuditedAsThroughTheBaseUrl()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion($"use {GitHubToken} for it"));
        var seen = new List<X509Certificate2>();
        using var http = ProxyClients.Through(Gateway.ProxyUri!, Gateway.Token("alice@example.com", "dev"), _ca, seen.Add);

        var completion = await Chat(http).CompleteChatAsync([new UserChatMessage($"deploy with AWS_ACCESS_KEY_ID={AwsKeyId} please")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("use [MASKED:github-pat] for it", completion.Value.Content[0].Text);
        var received = Assert.Single(Upstream.Received);
        Assert.Equal("/v1/chat/completions", received.PathAndQuery);
        Assert.Contains("AWS_ACCESS_KEY_ID=[MASKED:aws-access-key-id] please", received.BodyText, StringComparison.Ordinal);
        Assert.Equal("Bearer " + GatewayUnderTest.UpstreamSecret, received.Headers["Authorization"]);
        Assert.False(received.Headers.ContainsKey("Proxy-Authorization"));

        var record = await Gateway.WaitForExchangeAsync("alice@example.com");
        Assert.Equal(("openai", "openai.chat", "gpt-test"), (record.Intent.Connection, record.Intent.Api, record.Intent.Model));
        Assert.Contains("[MASKED:aws-access-key-id]", record.Intent.Prompt, StringComparison.Ordinal);
        Assert.Equal("use [MASKED:github-pat] for it", record.Outcome!.Response);
        Assert.Contains("masking.request", record.Outcome.Coverage);
        Assert.Contains("masking.response", record.Outcome.Coverage);
        Assert.Equal(["dev"], record.Intent.Identity.Groups);

        // The leaf the client accepted names the host and was issued by the organisation's CA.
        var leaf = Assert.Single(seen);
        Assert.Equal("CN=api.openai.com", leaf.Subject);
        Assert.Equal(_ca.Subject, leaf.Issuer);
    }

    [Fact]
    public async Task SdkStreaming_ThroughProxy_ClientGetsMaskedTextAndAuditAssemblesIt()
    {
        var text = $"token: {GitHubToken} done";
        var start = text.IndexOf(GitHubToken, StringComparison.Ordinal);
        Upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents([text[..(start + 5)], text[(start + 5)..(start + 20)], text[(start + 20)..]]));
        using var http = ProxyClients.Through(Gateway.ProxyUri!, Gateway.Token("bob", "dev"), _ca);

        var received = "";
        await foreach (var update in Chat(http).CompleteChatStreamingAsync([new UserChatMessage("token?")], cancellationToken: TestContext.Current.CancellationToken))
        {
            received += string.Concat(update.ContentUpdate.Select(p => p.Text));
        }

        Assert.Equal("token: [MASKED:github-pat] done", received);
        var record = await Gateway.WaitForExchangeAsync("bob");
        Assert.True(record.Intent.Stream);
        Assert.Equal("token: [MASKED:github-pat] done", record.Outcome!.Response);
        Assert.Equal("openai", record.Intent.Connection);
    }

    [Fact]
    public async Task TwoTunnels_ToTheSameHost_ShareOneCachedLeaf()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        var seen = new List<X509Certificate2>();
        var token = Gateway.Token("carol", "dev");
        for (var i = 0; i < 2; i++)
        {
            // A client each time: a new CONNECT and a new handshake.
            using var http = ProxyClients.Through(Gateway.ProxyUri!, token, _ca, seen.Add);
            await Chat(http).CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken);
        }

        Assert.Equal(2, seen.Count);
        Assert.Equal(seen[0].Thumbprint, seen[1].Thumbprint);
    }

    [Fact]
    public async Task Http2_InsideTheTunnel_IsNegotiatedAndRunsThePipeline()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("over h2"));
        using var http = ProxyClients.Through(Gateway.ProxyUri!, Gateway.Token("dora", "dev"), _ca);
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://api.openai.com/v1/chat/completions")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpVersion.Version20, response.Version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("over h2", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var record = await Gateway.WaitForExchangeAsync("dora");
        Assert.Equal(("openai", 200), (record.Intent.Connection, record.Outcome!.Status));
    }

    [Fact]
    public async Task PlainHttp_AbsoluteFormForAnInterceptedHost_RunsThePipeline()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("plain"));
        using var http = ProxyClients.Through(Gateway.ProxyUri!, Gateway.Token("erin", "dev"), _ca);

        using var response = await http.PostAsync("http://api.openai.com/v1/chat/completions",
            new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("/v1/chat/completions", Assert.Single(Upstream.Received).PathAndQuery);
        Assert.False(Upstream.Received.Single().Headers.ContainsKey("Proxy-Authorization"));
        Assert.Equal("openai", (await Gateway.WaitForExchangeAsync("erin")).Intent.Connection);
    }

    [Fact]
    public async Task PassthroughConnection_ThroughProxy_ForwardsTheClientsOwnTokenButNeverTheGatehouseOne()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("ok"));
        var gatehouseToken = Gateway.Token("fay", "dev");
        using var http = ProxyClients.Through(Gateway.ProxyUri!, gatehouseToken, _ca);
        var chat = new ChatClient("gpt-test", new ApiKeyCredential("ghu_users_own_copilot_token"), new OpenAIClientOptions
        {
            Endpoint = new Uri("https://api.individual.githubcopilot.com/"),
            Transport = new HttpClientPipelineTransport(http),
            RetryPolicy = new ClientRetryPolicy(0),
        });

        await chat.CompleteChatAsync([new UserChatMessage("hi")], cancellationToken: TestContext.Current.CancellationToken);

        var received = Assert.Single(Upstream.Received);
        Assert.Equal("Bearer ghu_users_own_copilot_token", received.Headers["Authorization"]);
        Assert.DoesNotContain(gatehouseToken, string.Join("\n", received.Headers.Values), StringComparison.Ordinal);
        Assert.Equal("copilot", (await Gateway.WaitForExchangeAsync("fay")).Intent.Connection);

        // By base URL, Authorization carries the Gatehouse credential: a passthrough connection must not pass it on.
        using var direct = Gateway.Client(Gateway.Token("gil", "dev"));
        using var response = await direct.PostAsync("copilot/chat/completions",
            new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Upstream.Received.Last().Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Sdk_WithoutProxyCredentials_Gets407()
    {
        using var http = ProxyClients.Through(Gateway.ProxyUri!, "not-a-credential", _ca);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync("https://api.openai.com/v1/models", TestContext.Current.CancellationToken));

        Assert.Equal(HttpRequestError.ProxyTunnelError, error.HttpRequestError);
        Assert.Empty(Upstream.Received);
    }

    private static ChatClient Chat(HttpClient http) => new("gpt-test", new ApiKeyCredential("sk-client-side-placeholder"), new OpenAIClientOptions
    {
        Transport = new HttpClientPipelineTransport(http),
        RetryPolicy = new ClientRetryPolicy(0),
    });
}
