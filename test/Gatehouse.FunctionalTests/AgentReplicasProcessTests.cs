using System.ClientModel;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Storage.Contract.Tests.Providers;
using Gatehouse.Testing;
using Npgsql;
using OpenAI;
using OpenAI.Chat;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// An agent in front of two gateway replicas on one PostgreSQL database, as real processes: the enrollment token is
/// created, listed and revoked in PostgreSQL by the command line; one agent process dials each replica's own address
/// (<c>--gateway</c> twice) and keeps a tunnel to each; each replica lists it in <c>/api/agents</c>, and an unchanged SDK
/// reaches the internal upstream through either replica. Both replicas audit into the one chain.
/// </summary>
public sealed class AgentReplicasProcessTests : IAsyncLifetime
{
    private const string Variable = "GATEHOUSE_TEST_STORE_URL";

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-replicas-").FullName;
    private readonly string _schema = "replicas_" + Guid.NewGuid().ToString("N");
    private readonly HttpClient _http = new();
    private string _server = "";
    private FakeUpstream _upstream = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string ConnectionString => new NpgsqlConnectionStringBuilder(_server) { SearchPath = _schema }.ConnectionString;

    private Dictionary<string, string> Environment => new() { [Variable] = ConnectionString, ["GATEHOUSE_TEST_MASKING_KEY"] = "a-shared-fingerprint-key-32-bytes" };

    public async ValueTask InitializeAsync()
    {
        _server = PostgresServer.ConnectionString();
        await ServerExecuteAsync($"CREATE SCHEMA {_schema}");
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Handler = (context, received) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(["inside ", "the ", "network"]));
    }

    public async ValueTask DisposeAsync()
    {
        if (_upstream is not null)
        {
            await _upstream.DisposeAsync();
        }

        _http.Dispose();
        if (_server.Length > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await ServerExecuteAsync($"DROP SCHEMA {_schema} CASCADE");
        }

        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task OneAgentDialsEveryReplica_EachListsItAndForwardsThroughIt_TokensLiveInPostgres()
    {
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, $$"""
            storage:
              postgres: { env: {{Variable}} }
            masking:
              fingerprintKey: { env: GATEHOUSE_TEST_MASKING_KEY }
            roles:
              admin:
                groups: [admins]
            connections:
              - name: internal
                kind: openai
                via: dc1
                upstream: vllm
            """, Token);
        var agentConfig = Path.Combine(_directory, "agent.yaml");
        await File.WriteAllTextAsync(agentConfig, $"upstreams:\n  vllm: {_upstream.BaseUri}\n", Token);
        var user = KeyOf(await CliAsync("keys", "create", "--name", "dev-bot", "--owner", "dev@example.com", "--groups", "dev", "--config", config));
        var admin = KeyOf(await CliAsync("keys", "create", "--name", "admin-bot", "--owner", "ops@example.com", "--groups", "admins", "--config", config));
        var enrollment = (await CliAsync("agents", "create", "--name", "dc1", "--expires", "1d", "--config", config)).Trim();
        Assert.StartsWith("gat_", enrollment, StringComparison.Ordinal);
        var tokenFile = Path.Combine(_directory, "agent.token");
        await File.WriteAllTextAsync(tokenFile, enrollment, Token);

        await using var one = await ChildProcess.ServeAsync(GatehouseProcess.Command, _directory, "audit store: ", at => ["serve", "--config", config, "--urls", at], Environment);
        await using var two = await ChildProcess.ServeAsync(GatehouseProcess.Command, _directory, "audit store: ", at => ["serve", "--config", config, "--urls", at], Environment);

        // The same replica twice is a mistake the agent names rather than two tunnels to one place.
        var twice = await ChildProcess.RunAsync(GatehouseProcess.Command, _directory,
            ["agent", "--gateway", one.Url, "--gateway", one.Url + "/", "--token-file", tokenFile, "--config", agentConfig]);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("is given twice", twice.Error, StringComparison.Ordinal);

        await using (var agent = await ChildProcess.StartAsync(GatehouseProcess.Command, _directory, "Agent dialling",
            ["agent", "--gateway", one.Url, "--gateway", two.Url, "--token-file", tokenFile, "--config", agentConfig]))
        {
            foreach (var replica in new[] { one.Url, two.Url })
            {
                await WaitForTunnelAsync(replica, admin);
                var chat = new ChatClient("gpt-test", new ApiKeyCredential(user), new OpenAIClientOptions
                {
                    Endpoint = new Uri(new Uri(replica), "internal/v1"),
                    RetryPolicy = new System.ClientModel.Primitives.ClientRetryPolicy(0),
                });
                var streamed = new StringBuilder();
                await foreach (var update in chat.CompleteChatStreamingAsync([new UserChatMessage($"through {replica}")], cancellationToken: Token))
                {
                    foreach (var part in update.ContentUpdate)
                    {
                        streamed.Append(part.Text);
                    }
                }

                Assert.Equal("inside the network", streamed.ToString());
                Assert.Contains($"through {replica}", _upstream.Received.Last().BodyText, StringComparison.Ordinal);
            }

            Assert.DoesNotContain(enrollment, agent.Output, StringComparison.Ordinal);
        }

        var tokens = await CliAsync("agents", "tokens", "--json", "--config", config);
        var revoked = await CliAsync("agents", "revoke", "dc1", "--config", config);
        var after = await CliAsync("agents", "tokens", "--json", "--config", config);
        Assert.Equal(JsonValueKind.Null, SingleToken(tokens, "dc1").GetProperty("revokedAt").ValueKind);
        Assert.StartsWith("Revoked 1 token", revoked, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, SingleToken(after, "dc1").GetProperty("revokedAt").ValueKind);
        Assert.DoesNotContain(enrollment, one.Output + two.Output + tokens, StringComparison.Ordinal);

        // Both replicas recorded their tunnel in the one chain, which still verifies.
        Assert.Equal(2, await ScalarAsync("SELECT count(DISTINCT writer_id) FROM audit_entries WHERE kind = 'agent.connected'"));
        Assert.Equal(1, await ScalarAsync("SELECT count(*) FROM agent_tokens WHERE revoked_ticks IS NOT NULL"));
        var verify = await ChildProcess.RunAsync(GatehouseProcess.Command, _directory, ["audit", "verify", "--config", config], Environment);
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }

    private async Task WaitForTunnelAsync(string gatewayUrl, string admin) =>
        await Eventually.UntilAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(gatewayUrl), "api/agents"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            using var response = await _http.SendAsync(request, Token);
            response.EnsureSuccessStatusCode();
            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
            return list.RootElement.EnumerateArray().Count(a => a.GetProperty("name").GetString() == "dc1") == 1;
        }, $"the tunnel of dc1 listed by {gatewayUrl}/api/agents", TimeSpan.FromMinutes(2));

    private static JsonElement SingleToken(string json, string agent) =>
        Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray(), t => t.GetProperty("agent").GetString() == agent).Clone();

    private static string KeyOf(string created) =>
        created.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries).Single(w => w.StartsWith("gk_", StringComparison.Ordinal));

    private async Task<string> CliAsync(params string[] args)
    {
        var (exitCode, output, error) = await ChildProcess.RunAsync(GatehouseProcess.Command, _directory, args, Environment);
        Assert.True(exitCode == 0, $"gatehouse {string.Join(' ', args)} exited {exitCode}: {error}");
        return output.Trim();
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(Token);
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync(Token))!;
    }

    private async Task ServerExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
