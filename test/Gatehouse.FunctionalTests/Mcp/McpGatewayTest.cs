using Gatehouse.Gateway.Configuration;
using ModelContextProtocol.Client;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// The real gateway in front of an MCP server built with the official SDK: connection <c>github</c> (kind mcp) reaches
/// it, and <c>rawmcp</c> (kind mcp) reaches a fake upstream whose answers a test writes by hand. A policy denies
/// contractors every <c>github.merge_*</c> tool and holds interns' <c>vault.*</c> calls for a lead. <c>sampler</c> reaches
/// the SDK server with <c>mcp.sampling: allow</c>.
/// </summary>
public abstract class McpGatewayTest : McpTestBase
{
    private const string VaultNeedsReview = """
          - name: vault-needs-review
            match: {api: [mcp], groups: [interns], tool_calls: {names: ['vault.*']}}
            effect: require_approval
            approval: {reviewer_groups: [leads], wait: 60s}
        """;

    /// <summary>Gets whether the MCP server keeps sessions for clients that initialize (2025 revisions); the default is stateless.</summary>
    protected virtual bool Sessions => false;

    /// <summary>Gets the <c>mcp</c> options of the <c>github</c> and <c>rawmcp</c> connections; <c>quiet</c> reaches github's server with <c>progressEvery: off</c>.</summary>
    protected virtual McpConnectionConfig McpOptions => new();

    protected override string PolicyText => McpTestPolicies.AllowBy(McpTestPolicies.NoMergesForContractors, VaultNeedsReview);

    /// <summary>Connects the SDK's client to <c>/{connection}/mcp</c> as <paramref name="user"/> in <paramref name="group"/> (or with <paramref name="token"/>).</summary>
    protected Task<McpClient> ConnectAsync(string user, string group, string? protocolVersion = null, string connection = "github", string? token = null, McpClientHandlers? handlers = null)
        => ConnectToAsync(connection, user, group, protocolVersion, token, handlers);

    protected override Task<McpUpstream> StartServerAsync() => McpUpstream.StartAsync(Sessions);

    protected override IEnumerable<ConnectionConfig> Connections() =>
    [
        McpConnection("github", Server.BaseUri) with { Mcp = McpOptions },
        McpConnection("quiet", Server.BaseUri) with { Mcp = new McpConnectionConfig { ProgressEvery = null } },
        McpConnection("rawmcp", Upstream.BaseUri) with { Mcp = McpOptions },
        McpConnection("strict", Server.BaseUri) with { Mcp = new McpConnectionConfig { RequireAudience = true } },
        McpConnection("sampler", Server.BaseUri) with { Mcp = new McpConnectionConfig { Sampling = McpSampling.Allow } },
    ];
}
