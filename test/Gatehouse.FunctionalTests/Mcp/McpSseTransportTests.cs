using Gatehouse.FunctionalTests.Infrastructure;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// A server that speaks only the deprecated HTTP+SSE transport (2024-11-05, the SDK's legacy endpoints) behind the
/// gateway, while the client speaks Streamable HTTP to the gateway.
/// </summary>
public sealed class McpSseTransportTests : McpBridgeGatewayTest
{
    [Fact]
    public async Task StreamableClient_UsesAnHttpSseServer_DecidedMaskedAndWithTheConnectionsCredential()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var developer = await ConnectAsync("dana", "dev", connection: "legacy");
        await using var contractor = await ConnectAsync("carl", "contractors", connection: "legacy");

        var forContractor = (await contractor.ListToolsAsync(cancellationToken: cancel)).Select(t => t.Name).Order();
        var result = await developer.CallToolAsync("vault.read", new Dictionary<string, object?> { ["path"] = "prod/aws" }, cancellationToken: cancel);

        Assert.Equal(["echo", "github.list_prs", "vault.read"], forContractor);
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", text);
        Assert.Contains(Server.Received, r => r.Method == "GET" && r.PathAndQuery == "/mcp/sse");
        var posts = Server.Received.Where(r => r.Method == "POST").ToList();
        Assert.NotEmpty(posts);
        Assert.All(posts, r => Assert.StartsWith("/mcp/message", r.PathAndQuery, StringComparison.Ordinal));
        Assert.All(Server.Received, r => Assert.Equal("Bearer " + GatewayUnderTest.UpstreamSecret, r.Headers["Authorization"]));
        Assert.Contains(posts, r => r.BodyText.Contains("\"tools/call\"", StringComparison.Ordinal) && r.BodyText.Contains("vault.read", StringComparison.Ordinal));
        var record = await WaitForAsync("dana", r => r.Intent.Model == "vault.read", "the vault call's exchange");
        Assert.Equal(("mcp", "allow"), (record.Intent.Api, record.Intent.Decision));
        await LeakCheck.AssertAbsentAsync(McpTestTools.ResultSecret, text, Logs, Gateway.DatabasePath);
    }
}
