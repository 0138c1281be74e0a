using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using ModelContextProtocol.Client;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// The real gateway in front of an MCP server built with the official SDK: connection <c>github</c> (kind mcp) reaches
/// it, and <c>rawmcp</c> (kind mcp) reaches a fake upstream whose answers a test writes by hand. A policy denies
/// contractors every <c>github.merge_*</c> tool.
/// </summary>
public abstract class McpGatewayTest : IAsyncLifetime
{
    protected const string Policy = """
        default: allow
        rules:
          - name: no-merges-for-contractors
            match: {api: [mcp], groups: [contractors], tool_calls: {names: ['github.merge_*']}}
            effect: deny
            reason: contractors may not merge pull requests
          - name: vault-needs-review
            match: {api: [mcp], groups: [interns], tool_calls: {names: ['vault.*']}}
            effect: require_approval
            approval: {reviewer_groups: [leads], wait: 60s}
        """;

    private string _policyPath = "";

    protected McpUpstream Server { get; private set; } = null!;

    protected FakeUpstream Upstream { get; private set; } = null!;

    protected GatewayUnderTest Gateway { get; private set; } = null!;

    protected CapturedLogs Logs { get; } = new();

    /// <summary>Gets whether the MCP server keeps sessions for clients that initialize (2025 revisions); the default is stateless.</summary>
    protected virtual bool Sessions => false;

    /// <summary>Gets the <c>mcp</c> options of the <c>github</c> and <c>rawmcp</c> connections; <c>quiet</c> reaches github's server with <c>progressEvery: off</c>.</summary>
    protected virtual McpConnectionConfig McpOptions => new();

    public async ValueTask InitializeAsync()
    {
        Server = await McpUpstream.StartAsync(Sessions);
        Upstream = await FakeUpstream.StartAsync();
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-mcp-policy-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(_policyPath, Policy, TestContext.Current.CancellationToken);
        Gateway = await GatewayUnderTest.StartAsync(Upstream, Adjust, Logs);
    }

    public async ValueTask DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Upstream.DisposeAsync();
        await Server.DisposeAsync();
        File.Delete(_policyPath);
        GC.SuppressFinalize(this);
    }

    /// <summary>Connects the SDK's client to <c>/{connection}/mcp</c> as <paramref name="user"/> in <paramref name="group"/> (or with <paramref name="token"/>).</summary>
    protected async Task<McpClient> ConnectAsync(string user, string group, string? protocolVersion = null, string connection = "github", string? token = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(Gateway.BaseUri, connection + "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + (token ?? Gateway.Token(user, group)) },
        });
        return await McpClient.CreateAsync(transport, new McpClientOptions { ProtocolVersion = protocolVersion }, cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>Waits for a completed exchange of <paramref name="user"/> that <paramref name="match"/> accepts.</summary>
    protected async Task<ExchangeRecord> WaitForAsync(string user, Func<ExchangeRecord, bool> match, string what)
    {
        await using var store = Gateway.OpenStore();
        return await Eventually.ValueAsync(
            async () =>
            {
                var page = await store.SearchAsync(new ExchangeQuery { User = user }, CancellationToken.None);
                return page.Items.FirstOrDefault(r => r.Outcome is not null && match(r));
            },
            what);
    }

    private GatehouseConfig Adjust(GatehouseConfig config) => config with
    {
        Policy = new PolicyConfig { File = _policyPath },
        Connections =
        [
            .. config.Connections,
            Mcp("github", Server.BaseUri) with { Mcp = McpOptions },
            Mcp("quiet", Server.BaseUri) with { Mcp = new McpConnectionConfig { ProgressEvery = null } },
            Mcp("rawmcp", Upstream.BaseUri) with { Mcp = McpOptions },
            Mcp("strict", Server.BaseUri) with { Mcp = new McpConnectionConfig { RequireAudience = true } },
        ],
    };

    private static ConnectionConfig Mcp(string name, Uri upstream) => new()
    {
        Name = name,
        Kind = "mcp",
        Upstream = upstream,
        Credential = new CredentialConfig { Header = "Authorization", Prefix = "Bearer ", Value = GatewayUnderTest.UpstreamSecret, Source = "env:TEST" },
    };
}
