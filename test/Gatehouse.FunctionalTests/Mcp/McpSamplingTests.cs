using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Gatehouse.Gateway.Mcp.Sampling;
using Gatehouse.Testing;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

#pragma warning disable MCP9005 // Sampling is deprecated from 2026-07-28 on, and the session-based revisions it belongs to are what these tests exercise.

/// <summary>
/// <c>mcp.sampling</c>: a server tool that asks the client's model during a call (<c>ask.model</c>), through a
/// connection that denies sampling (<c>github</c>, the default) and one that allows it (<c>sampler</c>).
/// </summary>
public sealed class McpSamplingTests : McpGatewayTest
{
    private readonly ConcurrentQueue<string> _sampled = new();

    protected override bool Sessions => true;

    protected override Task<McpUpstream> StartServerAsync() => McpUpstream.StartAsync(sessions: true, sampling: true);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deny_ServerIsToldNothingOfSampling_ItsRequestIsAnsweredByTheGateway_AndTheClientNeverSeesIt()
    {
        await using var client = await ConnectAsync("sue", "dev", "2025-11-25", handlers: Handlers());

        var result = await client.CallToolAsync("ask.model", new Dictionary<string, object?> { ["question"] = "what is 6x7?" }, cancellationToken: Cancel);

        // The tool completes with what the server made of the gateway's answer: method not found, the gateway's message.
        var text = Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text;
        Assert.StartsWith("declared=False; refused -32601", text, StringComparison.Ordinal);
        Assert.Contains("does not allow server-initiated sampling", text, StringComparison.Ordinal);
        Assert.Empty(_sampled);

        // The initialize the server saw declared no sampling, though the client (with a handler) declared it.
        var initialize = Assert.Single(Server.Received, r => r.BodyText.Contains("\"initialize\"", StringComparison.Ordinal));
        using (var body = JsonDocument.Parse(initialize.BodyText))
        {
            Assert.False(body.RootElement.GetProperty("params").GetProperty("capabilities").TryGetProperty("sampling", out _));
        }

        // The answer went to the server as a client's would: a POST with the session and the connection's credential.
        var call = Assert.Single(Server.Received, r => r.BodyText.Contains("\"tools/call\"", StringComparison.Ordinal));
        var answer = Assert.Single(Server.Received, r => r.Method == "POST" && r.BodyText.Contains("-32601", StringComparison.Ordinal));
        Assert.Equal(call.Headers["Mcp-Session-Id"], answer.Headers["Mcp-Session-Id"]);
        Assert.Equal("2025-11-25", answer.Headers["MCP-Protocol-Version"]);
        Assert.Equal("Bearer " + Infrastructure.GatewayUnderTest.UpstreamSecret, answer.Headers["Authorization"]);

        var exchange = await WaitForAsync("sue", r => r.Intent.Model == "ask.model", "the tool call's exchange");
        var entries = await Eventually.ValueAsync(async () => await EntriesAsync(McpSamplingRecord.Event) is { Count: > 0 } found ? found : null, "the mcp.sampling.refused entry");
        var entry = Assert.Single(entries);
        Assert.Equal(exchange.Intent.ExchangeId, entry.GetProperty("exchange").GetString());
        Assert.Equal(("github", -32601, true), (entry.GetProperty("connection").GetString(), entry.GetProperty("errorCode").GetInt32(), entry.GetProperty("answered").GetBoolean()));
        Assert.Contains(Logs.Lines, l => l.Contains("[1984]", StringComparison.Ordinal) && l.Contains(exchange.Intent.ExchangeId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Allow_TheClientsHandlerRuns_OnARequestMaskedLikeEveryServerMessage()
    {
        await using var client = await ConnectAsync("sue", "dev", "2025-11-25", connection: "sampler", handlers: Handlers());

        var result = await client.CallToolAsync("ask.model", new Dictionary<string, object?> { ["question"] = "is " + McpTestTools.ResultSecret + " live?" }, cancellationToken: Cancel);

        Assert.Equal("declared=True; model said: forty-two", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        var sampled = Assert.Single(_sampled);
        Assert.Contains("[MASKED:aws-access-key-id]", sampled, StringComparison.Ordinal);
        Assert.DoesNotContain(McpTestTools.ResultSecret, sampled, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(McpSamplingRecord.Event));
    }

    [Fact]
    public async Task Deny_SamplingRequestOnTheGetStream_IsWithheldAndAnsweredWithTheClientsSession()
    {
        Upstream.Handler = async (context, _) =>
        {
            if (context.Request.Method != HttpMethods.Get)
            {
                context.Response.StatusCode = StatusCodes.Status202Accepted;
                return;
            }

            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("id: 1\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":\"srv-9\",\"method\":\"sampling/createMessage\",\"params\":{\"messages\":[],\"maxTokens\":1}}\n\n", Cancel);
            await context.Response.WriteAsync("id: 2\nevent: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":\"still here\"}}\n\n", Cancel);
        };

        using var http = Gateway.Client(Gateway.Token("gil", "dev"));
        using var request = new HttpRequestMessage(HttpMethod.Get, "rawmcp/mcp");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.TryAddWithoutValidation("Mcp-Session-Id", "session-77");
        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", "2025-06-18");
        using var response = await http.SendAsync(request, Cancel);
        var stream = await response.Content.ReadAsStringAsync(Cancel);

        Assert.DoesNotContain("sampling/createMessage", stream, StringComparison.Ordinal);
        Assert.Contains("still here", stream, StringComparison.Ordinal);
        var answer = await Eventually.ValueAsync(
            () => Task.FromResult(Upstream.Received.FirstOrDefault(r => r.Method == "POST")), "the gateway's answer to the server");
        Assert.Equal("session-77", answer.Headers["Mcp-Session-Id"]);
        using var body = JsonDocument.Parse(answer.BodyText);
        Assert.Equal("srv-9", body.RootElement.GetProperty("id").GetString());
        Assert.Equal(McpSamplingRefusals.ErrorCode, body.RootElement.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal("Bearer " + Infrastructure.GatewayUnderTest.UpstreamSecret, answer.Headers["Authorization"]);
    }

    private McpClientHandlers Handlers() => new()
    {
        SamplingHandler = (request, _, _) =>
        {
            _sampled.Enqueue(JsonSerializer.Serialize(request, McpJsonUtilities.DefaultOptions));
            return ValueTask.FromResult(new CreateMessageResult { Model = "test-model", Role = Role.Assistant, Content = [new TextContentBlock { Text = "forty-two" }] });
        },
    };

    private async Task<List<JsonElement>> EntriesAsync(string kind)
    {
        var found = new List<JsonElement>();
        await using var store = Gateway.OpenStore();
        await foreach (var entry in store.ReadAllAsync(Cancel))
        {
            if (entry.Kind == kind)
            {
                found.Add(JsonDocument.Parse(entry.Payload).RootElement.Clone());
            }
        }

        return found;
    }
}
