using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>The session-based 2025-11-25 revision: initialize, <c>Mcp-Session-Id</c>, and DELETE at the session's end.</summary>
public sealed class McpSessionTests : McpGatewayTest
{
    protected override bool Sessions => true;

    [Fact]
    public async Task SessionClient_CallsThroughTheGateway_AndItsSessionEndIsForwardedAndAudited()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using (var client = await ConnectAsync("sam", "dev", "2025-11-25"))
        {
            Assert.Equal("2025-11-25", client.NegotiatedProtocolVersion);
            Assert.NotNull(client.SessionId);
            var result = await client.CallToolAsync("vault.read", new Dictionary<string, object?> { ["path"] = "dev/aws" }, cancellationToken: cancel);
            Assert.Equal("the key at dev/aws is [MASKED:aws-access-key-id]", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        }

        var call = Assert.Single(Server.Received, r => r.BodyText.Contains("\"tools/call\"", StringComparison.Ordinal));
        Assert.False(string.IsNullOrEmpty(call.Headers.GetValueOrDefault("Mcp-Session-Id")));
        Assert.Equal("2025-11-25", call.Headers.GetValueOrDefault("MCP-Protocol-Version"));
        var end = Assert.Single(Server.Received, r => r.Method == "DELETE");
        Assert.Equal(call.Headers["Mcp-Session-Id"], end.Headers["Mcp-Session-Id"]);
        var record = await WaitForAsync("sam", r => r.Intent.Method == "DELETE", "the session end's exchange");
        Assert.Equal(("http", "allow"), (record.Intent.Api, record.Intent.Decision));
        await WaitForAsync("sam", r => r.Intent.Model == "initialize", "the initialize exchange");
    }
}
