using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;
using Microsoft.Data.Sqlite;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Mutual TLS on the tunnel, with real processes over TLS on loopback: a gateway that requires agents' client
/// certificates refuses an agent without one or with one from another CA (and audits each refusal), admits one from
/// its agents' CA; and an agent refuses a gateway whose certificate it cannot verify.
/// </summary>
public sealed class AgentMutualTlsProcessTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-mtls-").FullName;
    private readonly HttpClient _http = new();
    private FakeUpstream _upstream = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Database => Path.Combine(_directory, ".gatehouse", "gatehouse.db");

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Handler = (context, _) => Sse.WriteAsync(context, OpenAIShapes.StreamEvents(["through ", "mutual TLS"]));
    }

    public async ValueTask DisposeAsync()
    {
        await _upstream.DisposeAsync();
        _http.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RequiredClientCertificate_MissingOrForeignRefusedAndAudited_AgentsCaAdmitted_UnverifiableGatewayRefusedByTheAgent()
    {
        using var agentsCa = new TestCertificates(_directory, "agents-ca");
        using var foreignCa = new TestCertificates(_directory, "foreign-ca");
        var server = agentsCa.IssueServer("gateway", IPAddress.Loopback);
        var good = agentsCa.IssueClient("dc1-agent");
        var foreign = foreignCa.IssueClient("impostor");
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, $"""
            dev: true
            server:
              tls:
                certificateFile: {server.Certificate}
                keyFile: {server.Key}
            agents:
              requireClientCertificate: true
              clientCaFile: {agentsCa.AuthorityFile}
            connections:
              - name: internal
                kind: openai
                via: dc1
                upstream: vllm
            """, Token);
        await using var gateway = await GatehouseProcess.ServeAsync(_directory, "audit store: ",
            at => ["serve", "--dev", "--config", config, "--urls", at.Url, "--urls", at.Https(IPAddress.Loopback)]);
        var tunnelUrl = gateway.Urls[1];
        var admin = await CliAsync("dev", "token", "--user", "root", "--groups", "admin", "--url", gateway.Url);
        var user = await CliAsync("dev", "token", "--user", "alice", "--groups", "dev", "--url", gateway.Url);
        var enrollment = await CliAsync("agents", "create", "--name", "dc1", "--expires", "1d", "--db", Database);
        var tokenFile = Path.Combine(_directory, "agent.token");
        await File.WriteAllTextAsync(tokenFile, enrollment, Token);
        var agentConfig = Path.Combine(_directory, "agent.yaml");
        await File.WriteAllTextAsync(agentConfig, $"upstreams:\n  vllm: {_upstream.BaseUri}\n", Token);
        string[] Agent(params string[] extra) => ["agent", "--gateway", tunnelUrl, "--token-file", tokenFile, "--config", agentConfig, .. extra];

        // A valid token without a certificate, and with one from another CA: refused, and the agent stops (exit 1).
        var bare = await ChildProcess.RunAsync(GatehouseProcess.Command, _directory, Agent("--ca-file", agentsCa.AuthorityFile));
        Assert.Equal(1, bare.ExitCode);
        Assert.Contains("agent_certificate_required", bare.Output + bare.Error, StringComparison.Ordinal);
        var impostor = await ChildProcess.RunAsync(GatehouseProcess.Command, _directory,
            Agent("--ca-file", agentsCa.AuthorityFile, "--client-certificate", foreign.Certificate, "--client-key", foreign.Key));
        Assert.Equal(1, impostor.ExitCode);
        Assert.Contains("agent_certificate_untrusted", impostor.Output + impostor.Error, StringComparison.Ordinal);

        // The agent does not trust a gateway whose certificate it cannot verify (no --ca-file: the test CA is unknown to
        // the system): it never sends its token, and keeps dialling.
        await using (var distrustful = await ChildProcess.StartAsync(GatehouseProcess.Command, _directory, "Could not reach",
            Agent("--client-certificate", good.Certificate, "--client-key", good.Key)))
        {
            Assert.Contains("certificate", distrustful.Output, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(enrollment, distrustful.Output, StringComparison.Ordinal);
        }

        // A certificate from the agents' CA with the token: admitted, and traffic flows.
        await using var agent = await ChildProcess.StartAsync(GatehouseProcess.Command, _directory, "Agent dialling",
            Agent("--ca-file", agentsCa.AuthorityFile, "--client-certificate", good.Certificate, "--client-key", good.Key));
        await Eventually.UntilAsync(async () => (await AgentsAsync(gateway.Url, admin)).GetArrayLength() == 1, "the agent's tunnel listed", TimeSpan.FromMinutes(2));
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(gateway.Url), "internal/v1/chat/completions")))
        {
            request.Content = new StringContent("""{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user);
            using var response = await _http.SendAsync(request, Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.EndsWith("data: [DONE]", (await response.Content.ReadAsStringAsync(Token)).TrimEnd(), StringComparison.Ordinal);
            Assert.Single(_upstream.Received);
        }

        // The audit: each refusal with its reason, and the connect naming the certificate; the distrustful agent left
        // nothing, since it never reached the gateway's application. The token is in no output.
        var entries = await AgentEntriesAsync();
        var refusals = entries.Where(e => e.Kind == "agent.refused").Select(e => e.Payload).ToList();
        Assert.Equal(["agent_certificate_required", "agent_certificate_untrusted"], refusals.Select(r => r.GetProperty("reason").GetString()));
        Assert.False(refusals[0].TryGetProperty("certificate", out _));
        Assert.StartsWith("CN=impostor (sha256 ", refusals[1].GetProperty("certificate").GetString(), StringComparison.Ordinal);
        var connected = Assert.Single(entries, e => e.Kind == "agent.connected");
        Assert.StartsWith("CN=dc1-agent (sha256 ", connected.Payload.GetProperty("certificate").GetString(), StringComparison.Ordinal);
        foreach (var output in new[] { gateway.Output, agent.Output, bare.Output + bare.Error, impostor.Output + impostor.Error })
        {
            Assert.DoesNotContain(enrollment, output, StringComparison.Ordinal);
        }
    }

    private async Task<JsonElement> AgentsAsync(string gatewayUrl, string admin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(gatewayUrl), "api/agents"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        using var response = await _http.SendAsync(request, Token);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement.Clone();
    }

    private async Task<List<(string Kind, JsonElement Payload)>> AgentEntriesAsync()
    {
        using var db = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync(Token);
        using var query = db.CreateCommand();
        query.CommandText = "SELECT kind, payload FROM audit_entries WHERE kind LIKE 'agent.%' ORDER BY seq";
        var entries = new List<(string, JsonElement)>();
        using var rows = await query.ExecuteReaderAsync(Token);
        while (await rows.ReadAsync(Token))
        {
            entries.Add((rows.GetString(0), JsonDocument.Parse((byte[])rows.GetValue(1)).RootElement.Clone()));
        }

        return entries;
    }

    private async Task<string> CliAsync(params string[] args)
    {
        var (exitCode, output, error) = await GatehouseProcess.RunAsync(_directory, args);
        Assert.True(exitCode == 0, $"gatehouse {string.Join(' ', args)} exited {exitCode}: {error}");
        return output.Trim();
    }
}
