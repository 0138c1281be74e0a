using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Testing;
using ModelContextProtocol.Client;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// The real gateway in front of MCP servers it does not reach by Streamable HTTP: <c>local</c> runs the test stdio
/// server (<c>dotnet Gatehouse.McpStdioServer.dll</c>), <c>mine</c> runs one per caller, and <c>legacy</c> reaches an
/// SDK server over the deprecated HTTP+SSE transport. A policy denies contractors every <c>github.merge_*</c> tool.
/// </summary>
public abstract class McpBridgeGatewayTest : IAsyncLifetime
{
    private const string Policy = """
        default: allow
        rules:
          - name: no-merges-for-contractors
            match: {api: [mcp], groups: [contractors], tool_calls: {names: ['github.merge_*']}}
            effect: deny
            reason: contractors may not merge pull requests
        """;

    /// <summary>A variable of the gateway's own environment, which no stdio server may see.</summary>
    protected const string GatewaySecretVariable = "GATEHOUSE_TEST_SECRET";

    /// <summary>The variable the <c>local</c> connection passes on from the gateway's environment by name.</summary>
    protected const string PassedVariable = "GATEHOUSE_TEST_STDIO_TOKEN";

    private string _policyPath = "";

    protected string GatewaySecret { get; } = "gw-secret-" + Guid.NewGuid().ToString("N");

    protected string PassedValue { get; } = "passed-" + Guid.NewGuid().ToString("N");

    protected McpUpstream Server { get; private set; } = null!;

    protected GatewayUnderTest Gateway { get; private set; } = null!;

    protected CapturedLogs Logs { get; } = new();

    private FakeUpstream Upstream { get; set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // The gateway runs in this process: its environment is the test process's.
        Environment.SetEnvironmentVariable(GatewaySecretVariable, GatewaySecret);
        Environment.SetEnvironmentVariable(PassedVariable, PassedValue);
        Server = await McpUpstream.StartAsync(sessions: true, legacySse: true);
        Upstream = await FakeUpstream.StartAsync();
        _policyPath = Path.Combine(Path.GetTempPath(), $"gatehouse-mcp-bridge-policy-{Guid.NewGuid():N}.yaml");
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

    /// <summary>Connects the SDK's client to <c>/{connection}/mcp</c> as <paramref name="user"/> in <paramref name="group"/>.</summary>
    protected async Task<McpClient> ConnectAsync(string user, string group, string connection = "local", string? protocolVersion = null)
    {
        var transport = new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(Gateway.BaseUri, connection + "/mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Gateway.Token(user, group) },
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

    private static McpStdioConfig StdioServer(McpStdioScope scope) => new()
    {
        Command = "dotnet",
        Args = [Path.Combine(AppContext.BaseDirectory, "Gatehouse.McpStdioServer.dll")],
        Env = [new McpStdioVariable("STDIO_TOKEN", Environment.GetEnvironmentVariable(PassedVariable)!, "env:" + PassedVariable), new McpStdioVariable("STDIO_MODE", "test", "literal")],
        Scope = scope,
        MaxProcesses = 2,
    };

    private GatehouseConfig Adjust(GatehouseConfig config) => config with
    {
        Policy = new PolicyConfig { File = _policyPath },
        Connections =
        [
            .. config.Connections,
            new ConnectionConfig { Name = "local", Kind = "mcp", Upstream = new Uri("http://stdio.gatehouse.invalid/"), Stdio = StdioServer(McpStdioScope.Connection) },
            new ConnectionConfig { Name = "mine", Kind = "mcp", Upstream = new Uri("http://stdio.gatehouse.invalid/"), Stdio = StdioServer(McpStdioScope.Caller) },
            new ConnectionConfig
            {
                Name = "legacy",
                Kind = "mcp",
                Upstream = new Uri(Server.BaseUri, "mcp/sse"),
                Transport = McpUpstreamTransport.Sse,
                Credential = new CredentialConfig { Header = "Authorization", Prefix = "Bearer ", Value = GatewayUnderTest.UpstreamSecret, Source = "env:TEST" },
            },
        ],
    };
}
