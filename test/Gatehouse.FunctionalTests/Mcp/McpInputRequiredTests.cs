using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.FunctionalTests.Infrastructure;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// A held call from a client of the stateless 2026-07-28 revision that declares URL elicitation: answered
/// <c>input_required</c> with the review's URL and a sealed request state; its retry after approval runs the call once.
/// The gateway under test runs the console, so the URL is the console's inbox entry. The requests are built by hand exactly as the revision's Streamable HTTP transport and MRTR pages show them, and the
/// SDK's own client (which speaks 2026-07-28 and retries <c>input_required</c> itself) is driven end to end.
/// </summary>
public sealed class McpInputRequiredTests : McpGatewayTest
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HeldCall_IsAnsweredInputRequired_AndItsRetryAfterApprovalRunsExactlyOnce()
    {
        using var first = await CallAsync(1, "prod/aws");

        var result = first.RootElement.GetProperty("result");
        Assert.Equal("input_required", result.GetProperty("resultType").GetString());
        var elicitation = result.GetProperty("inputRequests").GetProperty("gatehouse_approval");
        Assert.Equal("elicitation/create", elicitation.GetProperty("method").GetString());
        Assert.Equal("url", elicitation.GetProperty("params").GetProperty("mode").GetString());
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        var id = approval.GetProperty("id").GetString()!;
        Assert.Equal(Gateway.BaseUri + "console/reviews#item-" + id, elicitation.GetProperty("params").GetProperty("url").GetString());
        Assert.Contains(id, elicitation.GetProperty("params").GetProperty("message").GetString(), StringComparison.Ordinal);
        var state = result.GetProperty("requestState").GetString()!;
        Assert.Empty(VaultCalls());

        using (var approved = await Gateway.ReviewAsync("lee", ["leads"], id, "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode);
        }

        using var retry = await CallAsync(2, "prod/aws", state, accept: true);
        var text = retry.RootElement.GetProperty("result").GetProperty("content")[0].GetProperty("text").GetString();
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", text);
        var forwarded = Assert.Single(VaultCalls());
        Assert.DoesNotContain("requestState", forwarded.BodyText, StringComparison.Ordinal);
        Assert.DoesNotContain("inputResponses", forwarded.BodyText, StringComparison.Ordinal);

        using var again = await CallAsync(3, "prod/aws", state, accept: true);
        AssertRefused(again, "request_state_used");
        Assert.Single(VaultCalls());
        var kinds = await Gateway.EntryKindsAsync();
        Assert.Equal(1, kinds.Count(k => k == "approval.released"));
    }

    [Fact]
    public async Task Retry_WithTamperedState_OrChangedArguments_IsRefusedAndNeverReachesTheServer()
    {
        using var first = await CallAsync(1, "prod/db");
        var state = first.RootElement.GetProperty("result").GetProperty("requestState").GetString()!;
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        using (var approved = await Gateway.ReviewAsync("lee", ["leads"], approval.GetProperty("id").GetString()!, "approve"))
        {
            Assert.True(approved.IsSuccessStatusCode);
        }

        var payload = state.Split('.')[1];
        var tampered = "gh1." + (payload[0] == 'A' ? 'B' : 'A') + payload[1..] + "." + state.Split('.')[2];
        using var forged = await CallAsync(2, "prod/db", tampered);
        AssertRefused(forged, "request_state_invalid");

        using var changed = await CallAsync(3, "prod/aws", state);
        AssertRefused(changed, "request_state_mismatch");

        using var otherCaller = await CallAsync(4, "prod/db", state, user: "ina");
        AssertRefused(otherCaller, "request_state_mismatch");
        Assert.Empty(VaultCalls());

        // The state itself was never spent: the genuine retry still runs the approved call.
        using var genuine = await CallAsync(5, "prod/db", state);
        Assert.Equal("complete", genuine.RootElement.GetProperty("result").GetProperty("resultType").GetString());
        Assert.Single(VaultCalls());
    }

    [Fact]
    public async Task Retry_OfARejectedCall_IsRefused()
    {
        using var first = await CallAsync(1, "prod/keys");
        var state = first.RootElement.GetProperty("result").GetProperty("requestState").GetString()!;
        var approval = await Gateway.WaitForPendingAsync("lee", "leads");
        using (var rejected = await Gateway.ReviewAsync("lee", ["leads"], approval.GetProperty("id").GetString()!, "reject"))
        {
            Assert.True(rejected.IsSuccessStatusCode);
        }

        using var retry = await CallAsync(2, "prod/keys", state);

        AssertRefused(retry, "approval_rejected");
        Assert.Empty(VaultCalls());
    }

    [Fact]
    public async Task SdkClient_OpensTheReviewUrl_AndItsAutomaticRetryReturnsTheApprovedResult()
    {
        var urls = new List<string>();
        var options = new McpClientOptions
        {
            Capabilities = new ClientCapabilities { Elicitation = new ElicitationCapability { Url = new UrlElicitationCapability() } },
            Handlers = new McpClientHandlers
            {
                // The user opens the URL; here the reviewer approves what it shows, then the user accepts.
                ElicitationHandler = async (request, cancellationToken) =>
                {
                    urls.Add(request!.Url!);
                    var id = urls[^1][(urls[^1].LastIndexOf("#item-", StringComparison.Ordinal) + "#item-".Length)..];
                    using var approved = await Gateway.ReviewAsync("lee", ["leads"], id, "approve");
                    Assert.True(approved.IsSuccessStatusCode);
                    return new ElicitResult { Action = "accept" };
                },
            },
        };
        await using var client = await McpClient.CreateAsync(Transport("ivy", "interns"), options, cancellationToken: Cancel);

        var result = await client.CallToolAsync("vault.read", new Dictionary<string, object?> { ["path"] = "prod/aws" }, cancellationToken: Cancel);

        Assert.Equal("2026-07-28", client.NegotiatedProtocolVersion);
        Assert.Equal("the key at prod/aws is [MASKED:aws-access-key-id]", Assert.IsType<TextContentBlock>(Assert.Single(result.Content)).Text);
        Assert.StartsWith(Gateway.BaseUri + "console/reviews#item-apr_", Assert.Single(urls), StringComparison.Ordinal);
        Assert.Single(VaultCalls());
        var record = await WaitForAsync("ivy", r => r.Intent.Model == "vault.read" && r.Outcome!.Failure is null, "the released call's exchange");
        Assert.Equal("held", record.Intent.Decision);
    }

    private List<Infrastructure.ReceivedRequest> VaultCalls()
        => [.. Server.Received.Where(r => r.BodyText.Contains("\"vault.read\"", StringComparison.Ordinal))];

    private HttpClientTransport Transport(string user, string group) => new(new HttpClientTransportOptions
    {
        Endpoint = new Uri(Gateway.BaseUri, "github/mcp"),
        TransportMode = HttpTransportMode.StreamableHttp,
        AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Gateway.Token(user, group) },
    });

    private static void AssertRefused(JsonDocument answer, string code)
    {
        var error = answer.RootElement.GetProperty("error");
        Assert.Equal(-31403, error.GetProperty("code").GetInt32());
        Assert.Equal(code, error.GetProperty("data").GetProperty("code").GetString());
    }

    /// <summary>
    /// POSTs a 2026-07-28 <c>tools/call</c> of <c>vault.read</c> as the transport's "Standard Request Headers" example
    /// shows it, declaring URL elicitation, and with <paramref name="state"/> (and an accepted elicitation) as a retry.
    /// </summary>
    private async Task<JsonDocument> CallAsync(int id, string path, string? state = null, bool accept = false, string user = "ivy")
    {
        var parameters = new JsonObject
        {
            ["name"] = "vault.read",
            ["arguments"] = new JsonObject { ["path"] = path },
            ["_meta"] = new JsonObject
            {
                ["io.modelcontextprotocol/protocolVersion"] = "2026-07-28",
                ["io.modelcontextprotocol/clientInfo"] = new JsonObject { ["name"] = "raw-test", ["version"] = "1.0.0" },
                ["io.modelcontextprotocol/clientCapabilities"] = new JsonObject { ["elicitation"] = new JsonObject { ["url"] = new JsonObject() } },
            },
        };
        if (state is not null)
        {
            parameters["requestState"] = state;
        }

        if (accept)
        {
            parameters["inputResponses"] = new JsonObject { ["gatehouse_approval"] = new JsonObject { ["action"] = "accept" } };
        }

        var body = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "tools/call", ["params"] = parameters };
        using var client = Gateway.Client(Gateway.Token(user, "interns"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "github/mcp") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.Add("MCP-Protocol-Version", "2026-07-28");
        request.Headers.Add("Mcp-Method", "tools/call");
        request.Headers.Add("Mcp-Name", "vault.read");
        using var response = await client.SendAsync(request, Cancel);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            text = text.Split('\n').Last(l => l.StartsWith("data: ", StringComparison.Ordinal))["data: ".Length..];
        }

        return JsonDocument.Parse(text);
    }
}
