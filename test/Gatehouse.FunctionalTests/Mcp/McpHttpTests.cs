using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>What the gateway checks and answers on an MCP connection, seen with a plain HTTP client.</summary>
public sealed class McpHttpTests : McpGatewayTest
{
    private const string Call = """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"github.merge_pr","arguments":{"repo":"acme/api","number":1},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("tools/call", "github.list_prs", "2026-07-28", "Mcp-Name")]
    [InlineData("tools/list", "github.merge_pr", "2026-07-28", "Mcp-Method")]
    [InlineData("tools/call", null, "2026-07-28", "Mcp-Name header is required")]
    [InlineData("tools/call", "github.merge_pr", "2025-11-25", "MCP-Protocol-Version header '2025-11-25' does not match")]
    [InlineData("tools/call", "=?base64?Z2l0aHViLmxpc3RfcHJz?=", "2026-07-28", "Mcp-Name")]
    public async Task HeadersThatDisagreeWithTheBody_AreRefusedBeforeTheServerSeesThem(string method, string? name, string version, string expected)
    {
        using var response = await PostAsync("rawmcp", Call, version, method, name);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "mcp_header_mismatch");
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
        var record = await WaitForAsync("hana", _ => true, "the refused request's exchange");
        Assert.Equal(("deny", "mcp_header_mismatch"), (record.Intent.Decision, record.Intent.DecisionReason));
    }

    [Fact]
    public async Task HeadersThatAgree_IncludingABase64Name_AreForwarded()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync("""{"jsonrpc":"2.0","id":4,"result":{"content":[]}}""");

        using var response = await PostAsync("rawmcp", Call, "2026-07-28", "tools/call", "=?base64?Z2l0aHViLm1lcmdlX3By?=");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("=?base64?Z2l0aHViLm1lcmdlX3By?=", Assert.Single(Upstream.Received).Headers["Mcp-Name"]);
    }

    [Fact]
    public async Task UnsupportedProtocolVersion_IsRefusedNamingTheSupportedOnes()
    {
        using var response = await PostAsync("rawmcp", """{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", "2024-11-05", null, null);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "mcp_unsupported_protocol_version");
        Assert.Contains("2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task Batch_IsRefusedWithAReason()
    {
        using var response = await PostAsync("rawmcp", """[{"jsonrpc":"2.0","id":1,"method":"tools/list"}]""", "2025-06-18", null, null);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest, "invalid_request_body");
        Assert.Contains("batch", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    [Fact]
    public async Task StreamedResponse_IsMaskedEventByEvent_AndToolListsFilteredInIt()
    {
        Upstream.Handler = async (context, received) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync($"id: 1\nevent: message\ndata: {{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":{{\"level\":\"info\",\"data\":\"saw {McpTestTools.ResultSecret}\"}}}}\n\n");
            await context.Response.Body.FlushAsync();
            var answer = received.BodyText.Contains("tools/list", StringComparison.Ordinal)
                ? """{"jsonrpc":"2.0","id":2,"result":{"tools":[{"name":"github.merge_pr","inputSchema":{"type":"object"}},{"name":"echo","inputSchema":{"type":"object"}}]}}"""
                : $"{{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":{{\"content\":[{{\"type\":\"text\",\"text\":\"{McpTestTools.ResultSecret}\"}}],\"structuredContent\":{{\"key\":\"{McpTestTools.ResultSecret}\"}}}}}}";
            await context.Response.WriteAsync($"id: 2\nevent: message\ndata: {answer}\n\n");
        };

        using var call = await PostAsync("rawmcp", """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"vault.read","arguments":{}}}""", "2025-11-25", null, null, "carl", "contractors");
        var streamed = await call.Content.ReadAsStringAsync(Cancel);
        using var list = await PostAsync("rawmcp", """{"jsonrpc":"2.0","id":2,"method":"tools/list"}""", "2025-11-25", null, null, "carl", "contractors");
        var listed = await list.Content.ReadAsStringAsync(Cancel);

        Assert.Equal("text/event-stream", call.Content.Headers.ContentType?.MediaType);
        Assert.Equal(2, streamed.Split("data: ").Length - 1);
        Assert.Contains("id: 2\n", streamed, StringComparison.Ordinal);
        Assert.Contains("\"text\":\"[MASKED:aws-access-key-id]\"", streamed, StringComparison.Ordinal);
        Assert.Contains("saw [MASKED:aws-access-key-id]", streamed, StringComparison.Ordinal);
        Assert.DoesNotContain("github.merge_pr", listed, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"echo\"", listed, StringComparison.Ordinal);
        await LeakCheck.AssertAbsentAsync(McpTestTools.ResultSecret, streamed, Logs, Gateway.DatabasePath);
    }

    [Fact]
    public async Task Unauthenticated_IsToldWhereTheProtectedResourceMetadataIs_WhichNamesTheConnection()
    {
        using var client = new HttpClient { BaseAddress = Gateway.BaseUri };
        using var refused = await client.PostAsync("github/mcp", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var challenge = refused.Headers.WwwAuthenticate.ToString();
        var metadataUrl = Gateway.BaseUri + ".well-known/oauth-protected-resource/github";
        Assert.Contains($"resource_metadata=\"{metadataUrl}\"", challenge, StringComparison.Ordinal);

        using var metadata = JsonDocument.Parse(await client.GetStringAsync(metadataUrl, Cancel));
        Assert.Equal(Gateway.BaseUri + "github", metadata.RootElement.GetProperty("resource").GetString());
        Assert.Equal(Gateway.Config.Identity.Oidc.Select(i => i.Issuer), metadata.RootElement.GetProperty("authorization_servers").EnumerateArray().Select(e => e.GetString()));
        using var pathForm = JsonDocument.Parse(await client.GetStringAsync(".well-known/oauth-protected-resource/github/mcp", Cancel));
        Assert.Equal(Gateway.BaseUri + "github/mcp", pathForm.RootElement.GetProperty("resource").GetString());

        using var openAi = await client.PostAsync("openai/v1/chat/completions", new StringContent("{}", Encoding.UTF8, "application/json"), Cancel);
        Assert.DoesNotContain("resource_metadata", openAi.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        using var notMcp = await client.GetAsync(".well-known/oauth-protected-resource/openai", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, notMcp.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(
        string connection, string body, string? version, string? method, string? name, string user = "hana", string group = "dev")
    {
        using var client = Gateway.Client(Gateway.Token(user, group));
        using var request = new HttpRequestMessage(HttpMethod.Post, connection + "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        Add(request, "MCP-Protocol-Version", version);
        Add(request, "Mcp-Method", method);
        Add(request, "Mcp-Name", name);
        var response = await client.SendAsync(request, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }

    private static void Add(HttpRequestMessage request, string header, string? value)
    {
        if (value is not null)
        {
            request.Headers.TryAddWithoutValidation(header, value);
        }
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.EndsWith(code, document.RootElement.GetProperty("type").GetString(), StringComparison.Ordinal);
        return document.RootElement.Clone();
    }
}
