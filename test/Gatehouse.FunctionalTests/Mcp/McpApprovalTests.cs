using Gatehouse.FunctionalTests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>A tool call that policy sends for review waits on its open request until a reviewer decides.</summary>
public sealed class McpApprovalTests : McpGatewayTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeldCall_ApprovedByAReviewer_RunsOnce_AndItsRetryNeedsNoSecondApproval()
    {
        await using var client = await ConnectAsync("ivy", "interns");
        var arguments = new Dictionary<string, object?> { ["path"] = "prod/aws" };

        var held = client.CallToolAsync("vault.read", arguments, cancellationToken: Cancel).AsTask();
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        Assert.Equal("vault-needs-review", approval.GetProperty("rule").GetString());
        Assert.DoesNotContain(Server.Received, r => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal));
        using (var approved = await Gateway.ReviewAsync("lee", ["leads"], approval.GetProperty("id").GetString()!, "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode);
        }

        var result = await held;
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Single(Server.Received, r => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal));
        var record = await WaitForAsync("ivy", r => r.Intent.Model == "vault.read", "the held call's exchange");
        Assert.Equal("held", record.Intent.Decision);

        // The retry carries a new JSON-RPC id: the approval is bound to the call (method, tool, arguments), not the id.
        var again = await client.CallToolAsync("vault.read", arguments, cancellationToken: Cancel);
        Assert.False(again.IsError ?? false);
        Assert.Equal(2, Server.Received.Count(r => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task HeldCall_Rejected_IsAJsonRpcErrorAndNeverReachesTheServer()
    {
        await using var client = await ConnectAsync("ivy", "interns");

        var held = client.CallToolAsync("vault.read", new Dictionary<string, object?> { ["path"] = "prod/db" }, cancellationToken: Cancel).AsTask();
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        using (var rejected = await Gateway.ReviewAsync("lee", ["leads"], approval.GetProperty("id").GetString()!, "reject"))
        {
            Assert.True(rejected.IsSuccessStatusCode);
        }

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => held);
        Assert.Equal(-31403, (int)error.ErrorCode);
        Assert.Contains("not approved", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Received, r => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequireAudience_RefusesATokenNotIssuedForTheConnection_AndAcceptsOneThatIs()
    {
        using var client = Gateway.Client(Gateway.Token("ann", "dev"));
        using var refused = await client.PostAsync("strict/mcp", new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("resource_metadata=", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains(Gateway.BaseUri + "strict", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        var token = Gateway.Token("ann", ["dev"], [Gateway.BaseUri + "strict/mcp"]);
        await using var mcp = await ConnectAsync("ann", "dev", connection: "strict", token: token);
        var tools = await mcp.ListToolsAsync(cancellationToken: Cancel);
        Assert.Contains(tools, t => t.Name == "echo");
    }
}
