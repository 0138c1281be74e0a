using System.Collections.Concurrent;
using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// A session-based client's held call is answered on an event stream while it waits: progress notifications for its
/// progress token (or SSE comments without one), then the call's one answer. Connection <c>github</c> says so every
/// second (as does <c>rawmcp</c>, whose answers a test writes); <c>quiet</c> (same server, <c>progressEvery: off</c>) waits silently, as the comparison.
/// </summary>
public sealed class McpProgressTests : McpGatewayTest
{
    private static readonly Dictionary<string, object?> ProdAws = new() { ["path"] = "prod/aws" };

    protected override bool Sessions => true;

    protected override McpConnectionConfig McpOptions => new() { ProgressEvery = TimeSpan.FromSeconds(1) };

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeldCall_WithAProgressHandler_GetsProgressWhileWaiting_ThenItsResultOnce_AuditedAsWithoutAStream()
    {
        await using var client = await ConnectAsync("ivy", "interns", "2025-11-25");
        var progress = new ProgressSignal();

        var held = client.CallToolAsync("vault.read", ProdAws, progress, cancellationToken: Cancel).AsTask();
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        var first = await progress.FirstBeforeAsync(held);
        Assert.Equal(1, first.Progress);
        Assert.Contains("Waiting for a reviewer to approve this call (rule 'vault-needs-review')", first.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Received, IsVaultRead);
        await ReviewAsync(approval, "approve");

        var result = await held;
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.Single(Server.Received, IsVaultRead);
        Assert.Equal(Enumerable.Range(1, progress.Values.Count).Select(i => (float)i), progress.Values.Select(v => v.Progress).Order());

        // The same call on a connection that waits silently: its record is the yardstick.
        await using var quiet = await ConnectAsync("ivy", "interns", "2025-11-25", connection: "quiet");
        var silent = quiet.CallToolAsync("vault.read", ProdAws, cancellationToken: Cancel).AsTask();
        await ReviewAsync(await Gateway.WaitForPendingAsync("lee", "leads"), "approve");
        await silent;

        var streamed = await WaitForAsync("ivy", r => r.Intent.Model == "vault.read" && r.Intent.Connection == "github", "the streamed call's record");
        var waited = await WaitForAsync("ivy", r => r.Intent.Model == "vault.read" && r.Intent.Connection == "quiet", "the silent call's record");
        AssertSameRecord(waited, streamed);
        Assert.Equal("held", streamed.Intent.Decision);
        Assert.Equal(200, streamed.Outcome!.Status);
        Assert.Null(streamed.Outcome.Failure);
    }

    [Fact]
    public async Task HeldCall_Rejected_WhileStreaming_IsAJsonRpcError_AuditedAsWithoutAStream()
    {
        await using var client = await ConnectAsync("ivy", "interns", "2025-11-25");
        var progress = new ProgressSignal();

        var held = client.CallToolAsync("vault.read", ProdAws, progress, cancellationToken: Cancel).AsTask();
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        await progress.FirstBeforeAsync(held);
        await ReviewAsync(approval, "reject");

        var error = await Assert.ThrowsAsync<McpProtocolException>(() => held);
        Assert.Equal(-31403, (int)error.ErrorCode);
        Assert.Contains("not approved", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Server.Received, IsVaultRead);

        await using var quiet = await ConnectAsync("ivy", "interns", "2025-11-25", connection: "quiet");
        var silent = quiet.CallToolAsync("vault.read", ProdAws, cancellationToken: Cancel).AsTask();
        await ReviewAsync(await Gateway.WaitForPendingAsync("lee", "leads"), "reject");
        await Assert.ThrowsAsync<McpProtocolException>(() => silent);

        var streamed = await WaitForAsync("ivy", r => r.Intent.Connection == "github" && r.Intent.Model == "vault.read", "the streamed call's record");
        var waited = await WaitForAsync("ivy", r => r.Intent.Connection == "quiet" && r.Intent.Model == "vault.read", "the silent call's record");
        AssertSameRecord(waited, streamed);
        Assert.Equal("approval_rejected", streamed.Outcome!.Failure);
    }

    [Fact]
    public async Task HeldCall_WithoutAProgressToken_GetsCommentsOnTheStream_ThenExactlyOneResultEvent()
    {
        await using var client = await ConnectAsync("ivy", "interns", "2025-11-25");
        using var http = Gateway.Client(Gateway.Token("ivy", "interns"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "github/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":41,"method":"tools/call","params":{"name":"vault.read","arguments":{"path":"prod/aws"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        request.Headers.Add("Mcp-Session-Id", client.SessionId);
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));
        var comment = await reader.ReadLineAsync(Cancel);
        Assert.Equal(": Waiting for a reviewer to approve this call (rule 'vault-needs-review').", comment);
        await ReviewAsync(await Gateway.WaitForPendingAsync("lee", "leads"), "approve");

        var rest = await reader.ReadToEndAsync(Cancel);
        var data = rest.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal)).ToList();
        var answer = Assert.Single(data, l => l.Contains("\"id\":41", StringComparison.Ordinal));
        Assert.Contains("[MASKED:aws-access-key-id]", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(data, l => l.Contains("notifications/progress", StringComparison.Ordinal));
        Assert.Single(Server.Received, IsVaultRead);
    }

    [Fact]
    public async Task HeldCall_ToAServerAnsweringJson_GetsTheMaskedBodyAsOneEvent()
    {
        Upstream.Handler = (context, _) =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync($$$"""{"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"the key is {{{McpTestTools.ResultSecret}}}"}]}}""");
        };

        var events = await HeldRawCallAsync("approve");

        var answer = Assert.Single(events, l => l.Contains("\"id\":42", StringComparison.Ordinal));
        Assert.Equal("""data: {"jsonrpc":"2.0","id":42,"result":{"content":[{"type":"text","text":"the key is [MASKED:aws-access-key-id]"}]}}""", answer);
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task HeldCall_ToAServerAnsweringAnHttpError_GetsAJsonRpcErrorEvent()
    {
        Upstream.Handler = (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync("the server broke");
        };

        var events = await HeldRawCallAsync("approve");

        var error = System.Text.Json.JsonDocument.Parse(Assert.Single(events)["data: ".Length..]).RootElement;
        Assert.Equal(42, error.GetProperty("id").GetInt32());
        Assert.Equal(-32603, error.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("upstream_error", error.GetProperty("error").GetProperty("data").GetProperty("code").GetString());
        Assert.Equal(500, error.GetProperty("error").GetProperty("data").GetProperty("status").GetInt32());
        var record = await WaitForAsync("ivy", r => r.Intent.Connection == "rawmcp", "the failed call's record");
        Assert.Equal(500, record.Outcome!.Status);
    }

    // Posts a held session-based call of vault.read (id 42) to rawmcp, waits for the first comment on its stream, has the
    // reviewer decide, and returns the stream's JSON-RPC data lines.
    private async Task<List<string>> HeldRawCallAsync(string decision)
    {
        using var http = Gateway.Client(Gateway.Token("ivy", "interns"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "rawmcp/mcp")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":42,"method":"tools/call","params":{"name":"vault.read","arguments":{"path":"prod/aws"}}}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/json, text/event-stream");
        request.Headers.Add("MCP-Protocol-Version", "2025-11-25");

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));
        Assert.StartsWith(": Waiting for a reviewer", await reader.ReadLineAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        await ReviewAsync(await Gateway.WaitForPendingAsync("lee", "leads"), decision);
        var rest = await reader.ReadToEndAsync(Cancel);
        return rest.Split('\n').Where(l => l.StartsWith("data: {", StringComparison.Ordinal)).ToList();
    }

    private static bool IsVaultRead(ReceivedRequest r) => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal);

    private static void AssertSameRecord(ExchangeRecord expected, ExchangeRecord actual)
    {
        Assert.Equal(expected.Intent.Decision, actual.Intent.Decision);
        Assert.Equal(expected.Intent.Prompt, actual.Intent.Prompt);
        Assert.Equal(expected.Outcome!.Status, actual.Outcome!.Status);
        Assert.Equal(expected.Outcome.Response, actual.Outcome.Response);
        Assert.Equal(expected.Outcome.FinishReason, actual.Outcome.FinishReason);
        Assert.Equal(expected.Outcome.Failure, actual.Outcome.Failure);
        Assert.Equal(expected.Outcome.Coverage, actual.Outcome.Coverage);
        Assert.Equal(expected.Outcome.Findings.Select(f => f.Rule), actual.Outcome.Findings.Select(f => f.Rule));
    }

    private async Task ReviewAsync(System.Text.Json.JsonElement approval, string decision)
    {
        using var reviewed = await Gateway.ReviewAsync("lee", ["leads"], approval.GetProperty("id").GetString()!, decision);
        Assert.True(reviewed.IsSuccessStatusCode);
    }

    /// <summary>Records each progress notification as the SDK reports it, and signals the first.</summary>
    private sealed class ProgressSignal : IProgress<ProgressNotificationValue>
    {
        private readonly ConcurrentQueue<ProgressNotificationValue> _values = new();

        public TaskCompletionSource<ProgressNotificationValue> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IReadOnlyCollection<ProgressNotificationValue> Values => _values;

        /// <summary>Waits for the first notification, which must come while <paramref name="call"/> still waits (a silent wait ends it unnotified).</summary>
        public async Task<ProgressNotificationValue> FirstBeforeAsync(Task call)
        {
            Assert.Same(First.Task, await Task.WhenAny(First.Task, call));
            return await First.Task;
        }

        public void Report(ProgressNotificationValue value)
        {
            _values.Enqueue(value);
            First.TrySetResult(value);
        }
    }
}
