using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The network-resident agent from outside: the real executable as gateway and as agents (child processes), and an
/// upstream only the agent's file names (the gateway's configuration holds no URL for it). An unchanged OpenAI SDK
/// streams through the tunnel with masking; agents fail over, drop mid-stream and come back, all without restarting
/// the gateway; a revoked token and an upstream key outside the agent's file are refused.
/// </summary>
public sealed class AgentTunnelProcessTests : IAsyncLifetime
{
    private const string MaskedAws = "[MASKED:aws-access-key-id]";

    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-tunnel-").FullName;
    private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly HttpClient _http = new();
    private FakeUpstream _upstream = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_directory, ".gatehouse", "gatehouse.db");

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Handler = async (context, received) =>
        {
            if (received.BodyText.Contains("HOLD", StringComparison.Ordinal))
            {
                // Half a stream, then the upstream goes quiet until the test ends: the agent dies in the middle.
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync(OpenAIShapes.StreamEvents(["first "]).First(), context.RequestAborted);
                await context.Response.WriteAsync(OpenAIShapes.StreamEvents(["first "]).Skip(1).First(), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                await _held.Task.WaitAsync(context.RequestAborted);
                return;
            }

            await Sse.WriteAsync(context, OpenAIShapes.StreamEvents(["inside ", "the ", "network"]));
        };
    }

    public async ValueTask DisposeAsync()
    {
        _held.TrySetResult();
        await _upstream.DisposeAsync();
        _http.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task ViaAgent_SdkStreamMaskedFailoverDropAndReturn_GovernedLikeDirect_RevokedAndUnlistedRefused()
    {
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, """
            dev: true
            connections:
              - name: internal
                kind: openai
                via: dc1
                upstream: vllm
              - name: unlisted
                kind: openai
                via: dc1
                upstream: elsewhere
            """, Token);
        var agentConfig = Path.Combine(_directory, "agent.yaml");
        await File.WriteAllTextAsync(agentConfig, $"upstreams:\n  vllm: {_upstream.BaseUri}\n", Token);
        await using var gateway = await GatehouseProcess.ServeAsync(_directory, "audit store: ", at => ["serve", "--dev", "--config", config, "--urls", at]);
        var user = await CliAsync("dev", "token", "--user", "alice", "--groups", "dev", "--url", gateway.Url);
        var admin = await CliAsync("dev", "token", "--user", "root", "--groups", "admin", "--url", gateway.Url);
        var enrollment = await CliAsync("agents", "create", "--name", "dc1", "--expires", "1d", "--db", Database);
        Assert.StartsWith("gat_", enrollment, StringComparison.Ordinal);
        var tokenFile = Path.Combine(_directory, "agent.token");
        await File.WriteAllTextAsync(tokenFile, enrollment, Token);

        // No agent yet: 503 agent_unavailable, and the exchange is audited with that outcome.
        var unavailable = await PostChatAsync(gateway.Url, user, "hello");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unavailable.Status);
        Assert.Contains("\"code\":\"agent_unavailable\"", unavailable.Body, StringComparison.Ordinal);
        await AssertOutcomeAsync(unavailable.ExchangeId!, "agent_unavailable");

        // One agent: an unchanged SDK streams through the tunnel; the upstream sees the prompt masked.
        var first = await StartAgentAsync(tokenFile, agentConfig, gateway.Url);
        await WaitForTunnelsAsync(gateway.Url, admin, 1);
        var chat = new ChatClient("gpt-test", new ApiKeyCredential(user), new OpenAIClientOptions
        {
            Endpoint = new Uri(new Uri(gateway.Url), "internal/v1"),
            RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
        });
        var streamed = new StringBuilder();
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage($"deploy with {AwsKeyId}")], cancellationToken: Token))
        {
            foreach (var part in update.ContentUpdate)
            {
                streamed.Append(part.Text);
            }
        }

        Assert.Equal("inside the network", streamed.ToString());
        var upstreamSaw = _upstream.Received.Last().BodyText;
        Assert.Contains(MaskedAws, upstreamSaw, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsKeyId, upstreamSaw, StringComparison.Ordinal);

        // An upstream key the agent's file does not list is refused by the agent itself.
        var refused = await PostChatAsync(gateway.Url, user, "hello", "unlisted");
        Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        Assert.Contains("unknown_upstream", refused.Body, StringComparison.Ordinal);

        // Two agents with one name; one dies; once the gateway has dropped its tunnel, no request fails.
        var second = await StartAgentAsync(tokenFile, agentConfig, gateway.Url);
        await WaitForTunnelsAsync(gateway.Url, admin, 2);
        await first.DisposeAsync();
        await WaitForTunnelsAsync(gateway.Url, admin, 1);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostChatAsync(gateway.Url, user, $"after failover {i}")).Status);
        }

        // The last agent dies mid-stream: the client's stream ends with an error, and the audit records why.
        using (var request = ChatRequest(gateway.Url, user, "HOLD please", "internal"))
        using (var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var exchange = response.Headers.GetValues("x-gatehouse-exchange").Single();
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Token));
            Assert.StartsWith("data: ", await reader.ReadLineAsync(Token), StringComparison.Ordinal);
            await second.DisposeAsync();
            string rest;
            try
            {
                rest = await reader.ReadToEndAsync(Token);
            }
            catch (Exception error) when (error is IOException or HttpRequestException)
            {
                rest = "(the stream was cut)";
            }

            // Never a stream that looks complete: the client must not take half an answer for a whole one.
            Assert.DoesNotContain("[DONE]", rest, StringComparison.Ordinal);
            await AssertOutcomeAsync(exchange, "agent_disconnected");
        }

        // A new agent process: traffic resumes without restarting the gateway.
        await using (var third = await StartAgentAsync(tokenFile, agentConfig, gateway.Url))
        {
            await WaitForTunnelsAsync(gateway.Url, admin, 1);
            Assert.Equal(HttpStatusCode.OK, (await PostChatAsync(gateway.Url, user, "back again")).Status);
            Assert.DoesNotContain(enrollment, third.Output, StringComparison.Ordinal);
        }

        // Revoked: an agent with the token is refused and stops with exit code 1, naming the reason.
        Assert.StartsWith("Revoked 1 token", await CliAsync("agents", "revoke", "dc1", "--db", Database), StringComparison.Ordinal);
        var revoked = await ChildProcess.RunAsync(GatehouseProcess.Command, _directory,
            ["agent", "--gateway", gateway.Url, "--token-file", tokenFile, "--config", agentConfig]);
        Assert.Equal(1, revoked.ExitCode);
        Assert.Contains("agent_token_revoked", revoked.Output + revoked.Error, StringComparison.Ordinal);

        // The token never reaches the gateway's log; connects, disconnects and the refusal are in the audit.
        Assert.DoesNotContain(enrollment, gateway.Output, StringComparison.Ordinal);
        var entries = await CliAsync("audit", "verify", "--db", Database);
        Assert.StartsWith("audit: intact.", entries, StringComparison.Ordinal);
        using var db = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync(Token);
        using var count = db.CreateCommand();
        count.CommandText = "SELECT kind, count(*) FROM audit_entries WHERE kind LIKE 'agent.%' GROUP BY kind";
        var kinds = new Dictionary<string, long>();
        using (var rows = await count.ExecuteReaderAsync(Token))
        {
            while (await rows.ReadAsync(Token))
            {
                kinds[rows.GetString(0)] = rows.GetInt64(1);
            }
        }

        Assert.True(kinds.GetValueOrDefault("agent.connected") >= 3, string.Join(", ", kinds));
        Assert.True(kinds.GetValueOrDefault("agent.disconnected") >= 2, string.Join(", ", kinds));
        Assert.True(kinds.GetValueOrDefault("agent.refused") >= 1, string.Join(", ", kinds));
        Assert.Equal(1, kinds.GetValueOrDefault("agent.token.revoked"));
    }

    private Task<ChildProcess> StartAgentAsync(string tokenFile, string agentConfig, string gatewayUrl) =>
        ChildProcess.StartAsync(GatehouseProcess.Command, _directory, "Agent dialling",
            ["agent", "--gateway", gatewayUrl, "--token-file", tokenFile, "--config", agentConfig]);

    private async Task WaitForTunnelsAsync(string gatewayUrl, string admin, int count) =>
        await Eventually.UntilAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(gatewayUrl), "api/agents"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await _http.SendAsync(request, Token);
            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
            return list.RootElement.GetArrayLength() == count;
        }, $"{count} tunnel(s) of dc1 listed by /api/agents", TimeSpan.FromMinutes(2));

    private async Task AssertOutcomeAsync(string exchangeId, string failure) =>
        await Eventually.UntilAsync(async () =>
        {
            var shown = await GatehouseProcess.RunAsync(_directory, "audit", "show", exchangeId, "--json", "--db", Database);
            return shown.ExitCode == 0 && shown.Output.Contains($"\"{failure}\"", StringComparison.Ordinal);
        }, $"exchange {exchangeId} recorded with {failure}");

    private async Task<(HttpStatusCode Status, string Body, string? ExchangeId)> PostChatAsync(string gatewayUrl, string user, string prompt, string connection = "internal")
    {
        using var request = ChatRequest(gatewayUrl, user, prompt, connection);
        using var response = await _http.SendAsync(request, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        if (response.Headers.TryGetValues("x-gatehouse-exchange", out var id))
        {
            return (response.StatusCode, body, id.Single());
        }

        // A problem names its exchange in the body.
        var problemId = body.StartsWith('{') && JsonDocument.Parse(body).RootElement.TryGetProperty("exchange_id", out var e) ? e.GetString() : null;
        return (response.StatusCode, body, problemId);
    }

    private static HttpRequestMessage ChatRequest(string gatewayUrl, string user, string prompt, string connection)
    {
        var body = JsonSerializer.Serialize(new { model = "gpt-test", stream = true, messages = new[] { new { role = "user", content = prompt } } });
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(gatewayUrl), $"{connection}/v1/chat/completions"))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
        return request;
    }

    private async Task<string> CliAsync(params string[] args)
    {
        var (exitCode, output, error) = await GatehouseProcess.RunAsync(_directory, args);
        Assert.True(exitCode == 0, $"gatehouse {string.Join(' ', args)} exited {exitCode}: {error}");
        return output.Trim();
    }
}
