using Gatehouse.Gateway.Configuration;
using ModelContextProtocol.Client;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// The real gateway in front of MCP servers it does not reach by Streamable HTTP: <c>local</c> runs the test stdio
/// server (<c>dotnet Gatehouse.McpStdioServer.dll</c>), <c>mine</c> runs one per caller, and <c>legacy</c> reaches an
/// SDK server over the deprecated HTTP+SSE transport. A policy denies contractors every <c>github.merge_*</c> tool.
/// </summary>
public abstract class McpBridgeGatewayTest : McpTestBase
{
    /// <summary>A variable of the gateway's own environment, which no stdio server may see.</summary>
    protected const string GatewaySecretVariable = "GATEHOUSE_TEST_SECRET";

    /// <summary>The variable the <c>local</c> connection passes on from the gateway's environment by name.</summary>
    protected const string PassedVariable = "GATEHOUSE_TEST_STDIO_TOKEN";

    protected string GatewaySecret { get; } = "gw-secret-" + Guid.NewGuid().ToString("N");

    protected string PassedValue { get; } = "passed-" + Guid.NewGuid().ToString("N");

    protected override string PolicyText => McpTestPolicies.AllowBy(McpTestPolicies.NoMergesForContractors);

    /// <summary>Connects the SDK's client to <c>/{connection}/mcp</c> as <paramref name="user"/> in <paramref name="group"/>.</summary>
    protected Task<McpClient> ConnectAsync(string user, string group, string connection = "local", string? protocolVersion = null)
        => ConnectToAsync(connection, user, group, protocolVersion);

    protected override Task<McpUpstream> StartServerAsync()
    {
        // The gateway runs in this process: its environment is the test process's.
        Environment.SetEnvironmentVariable(GatewaySecretVariable, GatewaySecret);
        Environment.SetEnvironmentVariable(PassedVariable, PassedValue);
        return McpUpstream.StartAsync(sessions: true, legacySse: true);
    }

    protected override IEnumerable<ConnectionConfig> Connections() =>
    [
        new ConnectionConfig { Name = "local", Kind = "mcp", Upstream = new Uri("http://stdio.gatehouse.invalid/"), Stdio = StdioServer(McpStdioScope.Connection) },
        new ConnectionConfig { Name = "mine", Kind = "mcp", Upstream = new Uri("http://stdio.gatehouse.invalid/"), Stdio = StdioServer(McpStdioScope.Caller) },
        McpConnection("legacy", new Uri(Server.BaseUri, "mcp/sse"), McpUpstreamTransport.Sse),
    ];

    private static McpStdioConfig StdioServer(McpStdioScope scope) => new()
    {
        Command = "dotnet",
        Args = [Path.Combine(AppContext.BaseDirectory, "Gatehouse.McpStdioServer.dll")],
        Env = [new McpStdioVariable("STDIO_TOKEN", Environment.GetEnvironmentVariable(PassedVariable)!, "env:" + PassedVariable), new McpStdioVariable("STDIO_MODE", "test", "literal")],
        Scope = scope,
        MaxProcesses = 2,
    };
}
