using System.Diagnostics;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Testing;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>The official MCP client uses a stdio server that the gateway runs, through identity, policy, masking and audit.</summary>
public sealed class McpStdioTests : McpBridgeGatewayTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListTools_HidesFromAGroupTheToolsPolicyDeniesIt()
    {
        await using var developer = await ConnectAsync("dana", "dev");
        await using var contractor = await ConnectAsync("carl", "contractors");

        var forDeveloper = (await developer.ListToolsAsync(cancellationToken: Cancel)).Select(t => t.Name).Order();
        var forContractor = (await contractor.ListToolsAsync(cancellationToken: Cancel)).Select(t => t.Name).Order();

        Assert.Equal(["echo", "github.merge_pr", "process.env", "process.id", "vault.read"], forDeveloper);
        Assert.Equal(["echo", "process.env", "process.id", "vault.read"], forContractor);
    }

    [Fact]
    public async Task CallTool_DeniedByPolicy_IsAJsonRpcErrorAndAudited()
    {
        await using var client = await ConnectAsync("carl", "contractors");

        var error = await Assert.ThrowsAsync<McpProtocolException>(() =>
            client.CallToolAsync("github.merge_pr", new Dictionary<string, object?> { ["repo"] = "acme/api", ["number"] = 7 }, cancellationToken: Cancel).AsTask());

        Assert.Equal(-31403, (int)error.ErrorCode);
        Assert.Contains("contractors may not merge pull requests", error.Message, StringComparison.Ordinal);
        var record = await WaitForAsync("carl", r => r.Intent.Model == "github.merge_pr", "the denied call's exchange");
        Assert.Equal(("mcp", "deny"), (record.Intent.Api, record.Intent.Decision));
        Assert.Null(record.Outcome!.Response);
    }

    [Fact]
    public async Task SecretInAToolResult_IsMaskedForTheClientAndAbsentFromTheDatabase()
    {
        await using var client = await ConnectAsync("dana", "dev");

        var result = await client.CallToolAsync("vault.read", new Dictionary<string, object?> { ["path"] = "prod/aws" }, cancellationToken: Cancel);

        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", text);
        var record = await WaitForAsync("dana", r => r.Intent.Model == "vault.read", "the vault call's exchange");
        Assert.Equal(("mcp", "allow"), (record.Intent.Api, record.Intent.Decision));
        Assert.Contains("[MASKED:aws-access-key-id]", record.Outcome!.Response, StringComparison.Ordinal);
        await LeakCheck.AssertAbsentAsync(McpTestTools.ResultSecret, text, Logs, Gateway.DatabasePath);
    }

    [Fact]
    public async Task SessionClient_Initializes_AndCallsThroughTheSameProcess()
    {
        await using var client = await ConnectAsync("sam", "dev", protocolVersion: "2025-06-18");

        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "hi" }, cancellationToken: Cancel);

        Assert.Equal("2025-06-18", client.NegotiatedProtocolVersion);
        Assert.Equal("gatehouse-test-stdio", client.ServerInfo?.Name);
        Assert.Equal("echo: hi", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        await WaitForAsync("sam", r => r.Intent.Model == "initialize", "the initialize exchange");
    }

    [Fact]
    public async Task ServerProcess_KilledBetweenCalls_IsStartedAgainForTheNextCall()
    {
        await using var client = await ConnectAsync("dana", "dev");
        var first = await ProcessIdAsync(client);

        using (var process = Process.GetProcessById(first))
        {
            process.Kill();
            await process.WaitForExitAsync(Cancel);
        }

        await Eventually.UntilAsync(() => Logs.Lines.Any(l => l.Contains("[1962]", StringComparison.Ordinal)), "the gateway to see its server exit");
        var result = await client.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = "again" }, cancellationToken: Cancel);

        Assert.Equal("echo: again", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.NotEqual(first, await ProcessIdAsync(client));
    }

    [Fact]
    public async Task ServerEnvironment_HasTheConfiguredVariablesAndNothingElseOfTheGateways()
    {
        await using var client = await ConnectAsync("dana", "dev");

        var result = await client.CallToolAsync("process.env", cancellationToken: Cancel);

        var lines = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text.Split('\n');
        var names = lines.Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(GatewaySecretVariable, names);
        Assert.DoesNotContain(lines, l => l.Contains(GatewaySecret, StringComparison.Ordinal));
        Assert.Contains("STDIO_TOKEN=" + PassedValue, lines);
        Assert.Contains("STDIO_MODE=test", lines);

        // What the runtime adds at start-up (DOTNET_*) is the child's own; of the gateway's environment only PATH,
        // HOME and LANG come through.
        Assert.All(names, n => Assert.True(n is "PATH" or "HOME" or "LANG" or "STDIO_TOKEN" or "STDIO_MODE" || n.StartsWith("DOTNET_", StringComparison.Ordinal), n));
        Assert.Contains("PATH", names);
    }

    [Fact]
    public async Task Stderr_IsLoggedAtDebugCutToALength_AndTheLogNamesNoArgumentOrValue()
    {
        await using var client = await ConnectAsync("dana", "dev");
        await client.ListToolsAsync(cancellationToken: Cancel);

        var line = await Eventually.ValueAsync(
            () => Task.FromResult(Logs.Lines.FirstOrDefault(l => l.Contains("[1964]", StringComparison.Ordinal) && l.Contains("ready", StringComparison.Ordinal))),
            "the server's stderr line in the log");

        Assert.Contains(new string('x', 400) + "…", line, StringComparison.Ordinal);
        Assert.DoesNotContain(new string('x', 600), line, StringComparison.Ordinal);
        Assert.DoesNotContain(Logs.Lines, l => l.Contains("Gatehouse.McpStdioServer.dll", StringComparison.Ordinal) || l.Contains(PassedValue, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScopeCaller_GivesEachCallerAProcessOfItsOwn()
    {
        await using var dana = await ConnectAsync("dana", "dev", connection: "mine");
        await using var sam = await ConnectAsync("sam", "dev", connection: "mine");

        var danaFirst = await ProcessIdAsync(dana);
        var samFirst = await ProcessIdAsync(sam);

        Assert.NotEqual(danaFirst, samFirst);
        Assert.Equal(danaFirst, await ProcessIdAsync(dana));
    }

    [Fact]
    public async Task GatewayStop_StopsItsServerProcesses()
    {
        await using var client = await ConnectAsync("dana", "dev");
        using var process = Process.GetProcessById(await ProcessIdAsync(client));

        await Gateway.DisposeAsync();

        Assert.True(process.HasExited);
        Assert.Contains(Logs.Lines, l => l.Contains("[1971]", StringComparison.Ordinal) && l.Contains("stdin closed", StringComparison.Ordinal));
    }

    private static async Task<int> ProcessIdAsync(McpClient client)
    {
        var result = await client.CallToolAsync("process.id", cancellationToken: Cancel);
        return int.Parse(Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
