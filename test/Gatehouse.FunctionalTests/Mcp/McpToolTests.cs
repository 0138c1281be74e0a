using Gatehouse.Audit.Store;
using Gatehouse.FunctionalTests.Infrastructure;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>The official MCP client, speaking the stateless 2026-07-28 revision, uses tools through the gateway.</summary>
public sealed class McpToolTests : McpGatewayTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListTools_HidesFromAGroupTheToolsPolicyDeniesIt()
    {
        await using var developer = await ConnectAsync("dana", "dev");
        await using var contractor = await ConnectAsync("carl", "contractors");

        var forDeveloper = (await developer.ListToolsAsync(cancellationToken: Cancel)).Select(t => t.Name).Order();
        var forContractor = (await contractor.ListToolsAsync(cancellationToken: Cancel)).Select(t => t.Name).Order();

        Assert.Equal(["echo", "github.list_prs", "github.merge_pr", "vault.read"], forDeveloper);
        Assert.Equal(["echo", "github.list_prs", "vault.read"], forContractor);
    }

    [Fact]
    public async Task CallTool_Allowed_IsForwardedAndAuditedSearchablyByToolName()
    {
        await using var client = await ConnectAsync("dana", "dev");

        var result = await client.CallToolAsync("github.list_prs", new Dictionary<string, object?> { ["repo"] = "acme/api" }, cancellationToken: Cancel);

        Assert.Equal("acme/api: #1, #2", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        await using var store = Gateway.OpenStore();
        var record = await WaitForAsync("dana", r => r.Intent.Model == "github.list_prs", "the tools/call exchange");
        Assert.Equal(("mcp", "allow", "POST", "/mcp"), (record.Intent.Api, record.Intent.Decision, record.Intent.Method, record.Intent.Path));
        Assert.Contains("\"acme/api\"", record.Intent.Prompt, StringComparison.Ordinal);
        Assert.Contains("acme/api: #1, #2", record.Outcome!.Response, StringComparison.Ordinal);
        var found = await store.SearchAsync(new ExchangeQuery { Model = "github.list_prs" }, CancellationToken.None);
        Assert.Equal(record.ExchangeId, Assert.Single(found.Items).ExchangeId);
    }

    [Fact]
    public async Task CallTool_DeniedByPolicy_IsAJsonRpcErrorAndNeverReachesTheServer()
    {
        await using var client = await ConnectAsync("carl", "contractors");

        var error = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallToolAsync("github.merge_pr", new Dictionary<string, object?> { ["repo"] = "acme/api", ["number"] = 7 }, cancellationToken: Cancel).AsTask());

        Assert.Equal(-31403, (int)error.ErrorCode);
        Assert.Contains("contractors may not merge pull requests", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Received, r => r.BodyText.Contains("github.merge_pr", StringComparison.Ordinal) && r.BodyText.Contains("tools/call", StringComparison.Ordinal));
        var record = await WaitForAsync("carl", r => r.Intent.Model == "github.merge_pr", "the denied call's exchange");
        Assert.Equal("deny", record.Intent.Decision);
        Assert.Equal(["no-merges-for-contractors"], record.Intent.Rules);
    }

    [Fact]
    public async Task SecretInAToolResult_IsMaskedForTheClientAndAbsentFromTheDatabase()
    {
        await using var client = await ConnectAsync("dana", "dev");

        var result = await client.CallToolAsync("vault.read", new Dictionary<string, object?> { ["path"] = "prod/aws" }, cancellationToken: Cancel);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", text);
        var record = await WaitForAsync("dana", r => r.Intent.Model == "vault.read", "the vault call's exchange");
        Assert.Contains("[MASKED:aws-access-key-id]", record.Outcome!.Response, StringComparison.Ordinal);
        Assert.NotEmpty(record.Outcome.Findings);
        await LeakCheck.AssertAbsentAsync(McpTestTools.ResultSecret, text, Logs, Gateway.DatabasePath);
    }

    [Fact]
    public async Task SecretInArguments_IsMaskedBeforeTheServerSeesIt()
    {
        const string Secret = "AKIAQ4TLMZ7RW2XKP3VN";
        await using var client = await ConnectAsync("dana", "dev");

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = $"use {Secret} please" }, cancellationToken: Cancel);

        Assert.Equal("echo: use [MASKED:aws-access-key-id] please", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Contains(Server.Received, r => r.BodyText.Contains("[MASKED:aws-access-key-id]", StringComparison.Ordinal));
        Assert.DoesNotContain(Server.Received, r => r.BodyText.Contains(Secret[4..14], StringComparison.Ordinal));
        await WaitForAsync("dana", r => r.Intent.Model == "echo", "the echo call's exchange");
        await LeakCheck.AssertAbsentAsync(Secret, "", Logs, Gateway.DatabasePath);
    }

    [Fact]
    public async Task ClientToken_NeverReachesTheServer_WhichGetsTheConnectionsCredential()
    {
        var token = Gateway.Token("dana", "dev");
        await using (var client = await ConnectAsync("dana", "dev"))
        {
            await client.ListToolsAsync(cancellationToken: Cancel);
            await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "hi" }, cancellationToken: Cancel);
        }

        Assert.NotEmpty(Server.Received);
        Assert.All(Server.Received, r => Assert.Equal("Bearer " + GatewayUnderTest.UpstreamSecret, r.Headers["Authorization"]));
        var signature = token[(token.LastIndexOf('.') + 1)..];
        Assert.DoesNotContain(Server.Received, r => r.Headers.Values.Any(v => v.Contains(signature, StringComparison.Ordinal)) || r.BodyText.Contains(signature, StringComparison.Ordinal));
    }
}
