using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Gatehouse.Testing;
using Microsoft.Data.Sqlite;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// The agent where the issue puts it: the upstream in a network the gateway cannot reach (a network namespace when
/// the tests run as root, as in CI), the real agent process inside it dialling the gateway over mutual TLS, and an
/// unchanged OpenAI SDK client outside, governed exactly as on a direct connection: masking both ways, a response hold
/// approved and one rejected through the approvals API, the audit.
/// </summary>
public sealed class AgentIsolatedNetworkProcessTests : IAsyncLifetime
{
    private const string MaskedAws = "[MASKED:aws-access-key-id]";

    private const string Policy = """
        default: deny
        rules:
          - name: developers
            match: {groups: [dev]}
            effect: allow
          - name: auth-edits-need-review
            match: {direction: response, tool_calls: {paths: ['**/auth/**']}}
            effect: require_approval
            reason: changes to authentication code need a security review
            approval: {reviewer_groups: [security], wait: 60s}
        """;

    private static readonly string AwsKeyId = BuiltInRules.All.Single(r => r.Id == "aws-access-key-id").Example;
    private static readonly string AuthEdit = ToolCallShapes.EditArguments("src/auth/login.cs");
    private static readonly string SessionEdit = ToolCallShapes.EditArguments("src/auth/session.cs");

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-isolated-").FullName;
    private readonly HttpClient _http = new();
    private IsolatedNetwork _network = null!;
    private FakeUpstream _upstream = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_directory, ".gatehouse", "gatehouse.db");

    public async ValueTask InitializeAsync()
    {
        _network = await IsolatedNetwork.CreateAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"isolated upstream: {_network.Description}");
        _upstream = await _network.StartUpstreamAsync();
        _upstream.Handler = async (context, received) =>
        {
            if (received.BodyText.Contains("fix login", StringComparison.Ordinal))
            {
                await Sse.WriteAsync(context, ToolCallShapes.ChatStream("Editing the login. ", "edit_file", AuthEdit));
                return;
            }

            if (received.BodyText.Contains("fix session", StringComparison.Ordinal))
            {
                await Sse.WriteAsync(context, ToolCallShapes.ChatStream("Editing the session. ", "edit_file", SessionEdit));
                return;
            }

            // The answer quotes a secret back: the developer must see it masked.
            await Sse.WriteAsync(context, OpenAIShapes.StreamEvents(["inside ", "the network, key ", AwsKeyId]));
        };
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync();
        await _network.DisposeAsync();
        _http.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task UpstreamOnlyTheAgentReaches_SdkStreamsMaskedBothWays_ResponseHoldApprovedAndRejected_OverMutualTls()
    {
        var upstreamPort = _upstream.BaseUri.Port;

        // First the premise: from the gateway's host, the upstream's address answers nothing.
        Assert.False(await IsolatedNetwork.CanConnectAsync(new IPEndPoint(IPAddress.Loopback, upstreamPort)), "the host reached the upstream directly");
        if (_network.InsideAddress is { } inside)
        {
            Assert.False(await IsolatedNetwork.CanConnectAsync(new IPEndPoint(inside, upstreamPort)), "the host reached the upstream through the namespace's address");
        }

        using var authority = new TestCertificates(_directory, "agents-ca");
        var server = authority.IssueServer("gateway", _network.HostAddress);
        var client = authority.IssueClient("dc1-agent");
        var (gateway, tunnelUrl) = await StartGatewayAsync(server, authority.AuthorityFile);
        await using var _ = gateway;
        var user = await CliAsync("dev", "token", "--user", "alice", "--groups", "dev", "--url", gateway.Url);
        var reviewer = await CliAsync("dev", "token", "--user", "sec", "--groups", "security", "--url", gateway.Url);
        var admin = await CliAsync("dev", "token", "--user", "root", "--groups", "admin", "--url", gateway.Url);
        var tokenFile = await EnrollAsync();

        var agentConfig = Path.Combine(_directory, "agent.yaml");
        await File.WriteAllTextAsync(agentConfig, $"upstreams:\n  vllm: {_upstream.BaseUri}\n", Token);
        await using var agent = await ChildProcess.StartAsync(_network.Inside(GatehouseProcess.Command), _directory, "Agent dialling",
        [
            "agent", "--gateway", tunnelUrl, "--token-file", tokenFile, "--config", agentConfig,
            "--ca-file", authority.AuthorityFile, "--client-certificate", client.Certificate, "--client-key", client.Key,
        ]);
        var tunnel = await WaitForTunnelAsync(gateway.Url, admin);
        if (_network.InsideAddress is { } agentAddress)
        {
            Assert.Equal(agentAddress.ToString(), tunnel.GetProperty("remoteAddress").GetString());
        }

        // An unchanged SDK streams through gateway, tunnel and agent: the upstream sees the prompt masked, the
        // developer sees the answer masked, and the audit records the exchange as it would a direct one.
        var exchanges = new ExchangeIdCapture();
        var chat = Chat(gateway.Url, user, exchanges);
        var streamed = new StringBuilder();
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage($"deploy with {AwsKeyId}")], cancellationToken: Token))
        {
            streamed.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
        }

        Assert.Equal($"inside the network, key {MaskedAws}", streamed.ToString());
        var upstreamSaw = _upstream.Received.Last().BodyText;
        Assert.Contains(MaskedAws, upstreamSaw, StringComparison.Ordinal);
        Assert.DoesNotContain(AwsKeyId, upstreamSaw, StringComparison.Ordinal);
        var record = await RecordAsync(exchanges.Ids[^1], r => r.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.Object);
        Assert.Equal("internal", record.GetProperty("intent").GetProperty("connection").GetString());
        Assert.Contains(MaskedAws, record.GetProperty("intent").GetProperty("prompt").GetString(), StringComparison.Ordinal);
        Assert.Equal($"inside the network, key {MaskedAws}", record.GetProperty("outcome").GetProperty("response").GetString());
        Assert.Equal(200, record.GetProperty("outcome").GetProperty("status").GetInt32());

        // A tool call editing authentication code comes back through the agent and is held; a reviewer approves it
        // and the waiting SDK client receives it whole.
        var approved = CollectAsync(chat, "fix login");
        var approval = await WaitForPendingAsync(gateway.Url, reviewer, approved, exchanges);
        await ReviewAsync(gateway.Url, reviewer, approval, "approve");
        var (approvedText, approvedCalls) = await approved;
        Assert.Equal("Editing the login. ", approvedText);
        var call = Assert.Single(approvedCalls);
        Assert.Equal("edit_file", call.Name);
        Assert.Equal(AuthEdit, call.Arguments);
        var held = await RecordAsync(exchanges.Ids[^1], HasHoldOutcome);
        Assert.Equal("approved", held.GetProperty("outcome").GetProperty("responseHold").GetProperty("outcome").GetString());

        // Rejected (another edit: an approval admits the exact bytes it was given again): the client gets the text,
        // then a refusal in place of the tool call.
        var rejected = CollectAsync(chat, "fix session");
        await ReviewAsync(gateway.Url, reviewer, await WaitForPendingAsync(gateway.Url, reviewer, rejected, exchanges), "reject");
        var (rejectedText, rejectedCalls) = await rejected;
        Assert.Empty(rejectedCalls);
        Assert.StartsWith("Editing the session. ", rejectedText, StringComparison.Ordinal);
        Assert.Contains("a reviewer rejected it", rejectedText, StringComparison.Ordinal);
        var refused = await RecordAsync(exchanges.Ids[^1], HasHoldOutcome);
        Assert.Equal("rejected", refused.GetProperty("outcome").GetProperty("responseHold").GetProperty("outcome").GetString());
        Assert.Equal(3, _upstream.Received.Count);

        // Nothing secret anywhere: not the key in the store, not the enrollment token in either process's output.
        Assert.StartsWith("audit: intact.", await CliAsync("audit", "verify", "--db", Database), StringComparison.Ordinal);
        var enrollment = (await File.ReadAllTextAsync(tokenFile, Token)).Trim();
        Assert.DoesNotContain(enrollment, gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(enrollment, agent.Output, StringComparison.Ordinal);
        foreach (var file in new[] { Database, Database + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.Latin1);
            Assert.DoesNotContain(AwsKeyId, await reader.ReadToEndAsync(Token), StringComparison.Ordinal);
        }
    }

    private static bool HasHoldOutcome(JsonElement record) =>
        record.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.Object
        && outcome.TryGetProperty("responseHold", out var hold) && hold.ValueKind == JsonValueKind.Object;

    private static ChatClient Chat(string gatewayUrl, string user, ExchangeIdCapture exchanges)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = new Uri(new Uri(gatewayUrl), "internal/v1"),
            RetryPolicy = new ClientRetryPolicy(0),
            NetworkTimeout = TimeSpan.FromMinutes(3),
        };
        options.AddPolicy(exchanges, PipelinePosition.PerCall);
        return new ChatClient("gpt-test", new ApiKeyCredential(user), options);
    }

    private static async Task<(string Text, List<(string Name, string Arguments)> Calls)> CollectAsync(ChatClient chat, string prompt)
    {
        var text = new StringBuilder();
        var names = new Dictionary<int, string>();
        var arguments = new Dictionary<int, StringBuilder>();
        await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage(prompt)], cancellationToken: Token))
        {
            text.Append(string.Concat(update.ContentUpdate.Select(p => p.Text)));
            foreach (var part in update.ToolCallUpdates)
            {
                if (part.FunctionName is { } name)
                {
                    names[part.Index] = name;
                }

                var builder = arguments.TryGetValue(part.Index, out var b) ? b : arguments[part.Index] = new StringBuilder();
                builder.Append(part.FunctionArgumentsUpdate?.ToString());
            }
        }

        return (text.ToString(), [.. names.OrderBy(n => n.Key).Select(n => (n.Value, arguments[n.Key].ToString()))]);
    }

    // The gateway: SDK clients on plain loopback, agents on https at the host's address (the veth's host end in a
    // namespace), where a client certificate from the agents' CA is required besides the token.
    private async Task<(ChildProcess Gateway, string TunnelUrl)> StartGatewayAsync((string Certificate, string Key) server, string agentsCa)
    {
        var policy = Path.Combine(_directory, "policy.yaml");
        await File.WriteAllTextAsync(policy, Policy, Token);
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, $"""
            dev: true
            server:
              tls:
                certificateFile: {server.Certificate}
                keyFile: {server.Key}
            agents:
              requireClientCertificate: true
              clientCaFile: {agentsCa}
            policy:
              file: {policy}
            connections:
              - name: internal
                kind: openai
                via: dc1
                upstream: vllm
            """, Token);
        var gateway = await GatehouseProcess.ServeAsync(_directory, "audit store: ",
            at => ["serve", "--dev", "--config", config, "--urls", at.Url, "--urls", at.Https(_network.HostAddress)]);
        return (gateway, gateway.Urls[1]);
    }

    private async Task<string> EnrollAsync()
    {
        var enrollment = await CliAsync("agents", "create", "--name", "dc1", "--expires", "1d", "--db", Database);
        var tokenFile = Path.Combine(_directory, "agent.token");
        await File.WriteAllTextAsync(tokenFile, enrollment, Token);
        return tokenFile;
    }

    private async Task<JsonElement> WaitForTunnelAsync(string gatewayUrl, string admin)
    {
        var listed = await Eventually.ValueAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(gatewayUrl), "api/agents"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await _http.SendAsync(request, Token);
            var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
            return list.GetArrayLength() == 1 ? new[] { list[0].Clone() } : null;
        }, "the agent's tunnel listed by /api/agents", TimeSpan.FromMinutes(2));
        return listed[0];
    }

    // Waits for the held call's approval; a call that ended before anything was held fails the test with its own error.
    private async Task<string> WaitForPendingAsync(string gatewayUrl, string reviewer, Task call, ExchangeIdCapture exchanges)
    {
        var pending = await Eventually.ValueAsync(async () =>
        {
            if (call.IsCompleted)
            {
                await call;
                var record = await RecordAsync(exchanges.Ids[^1], r => r.TryGetProperty("outcome", out var o) && o.ValueKind == JsonValueKind.Object);
                Assert.Fail($"the call ended before its tool call was held; its audit record: {record}");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(gatewayUrl), "api/approvals?state=pending"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reviewer);
            using var response = await _http.SendAsync(request, Token);
            var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;
            return list.GetArrayLength() > 0 ? new[] { list[0].GetProperty("id").GetString()! } : null;
        }, "a pending approval for the held tool call");
        return pending[0];
    }

    private async Task ReviewAsync(string gatewayUrl, string reviewer, string approval, string decision)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(gatewayUrl), $"api/approvals/{approval}/{decision}"))
        {
            Content = JsonContent.Create(new { justification = $"{decision}d in the isolated-network test" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reviewer);
        using var response = await _http.SendAsync(request, Token);
        Assert.True(response.IsSuccessStatusCode, $"{decision} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Token)}");
    }

    private async Task<JsonElement> RecordAsync(string exchangeId, Func<JsonElement, bool> complete)
    {
        var found = await Eventually.ValueAsync(async () =>
        {
            var shown = await GatehouseProcess.RunAsync(_directory, "audit", "show", exchangeId, "--json", "--db", Database);
            if (shown.ExitCode != 0)
            {
                return null;
            }

            var record = JsonDocument.Parse(shown.Output).RootElement.Clone();
            return complete(record) ? new[] { record } : null;
        }, $"the audit record of exchange {exchangeId}");
        return found[0];
    }

    private async Task<string> CliAsync(params string[] args)
    {
        var (exitCode, output, error) = await GatehouseProcess.RunAsync(_directory, args);
        Assert.True(exitCode == 0, $"gatehouse {string.Join(' ', args)} exited {exitCode}: {error}");
        return output.Trim();
    }
}
