using Gatehouse.FunctionalTests.Infrastructure;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>A session-based (2025-11-25) client keeps the waiting path: its held call waits on its open request.</summary>
public sealed class McpSessionApprovalTests : McpGatewayTest
{
    protected override bool Sessions => true;

    [Fact]
    public async Task SessionClient_HeldCall_WaitsOnItsRequest_AndRunsOnceApproved()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var client = await ConnectAsync("ivy", "interns", "2025-11-25");
        Assert.NotNull(client.SessionId);

        var held = client.CallToolAsync("vault.read", new Dictionary<string, object?> { ["path"] = "prod/aws" }, cancellationToken: cancel).AsTask();
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        Assert.False(held.IsCompleted);
        Assert.DoesNotContain(Server.Received, r => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal));
        using (var approved = await Gateway.ReviewAsync("lee", ["leads"], approval.GetProperty("id").GetString()!, "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode);
        }

        var result = await held;
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        var call = Assert.Single(Server.Received, r => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal));
        Assert.Equal(client.SessionId, call.Headers["Mcp-Session-Id"]);
        Assert.DoesNotContain("_meta\":{\"io.modelcontextprotocol/protocolVersion", call.BodyText, StringComparison.Ordinal);
    }
}
