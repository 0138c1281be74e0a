using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// JSON-RPC batches, per revision: 2025-03-26 allows them, so each request in one is answered with its own JSON-RPC
/// error; from 2025-06-18 on they are malformed and refused with 400. None reaches the server.
/// </summary>
public sealed class McpBatchTests : McpGatewayTest
{
    private const string Batch = """
        [{"jsonrpc":"2.0","id":1,"method":"tools/list"},
         {"jsonrpc":"2.0","method":"notifications/initialized"},
         {"jsonrpc":"2.0","id":"b","method":"tools/call","params":{"name":"echo","arguments":{"text":"hi"}}}]
        """;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2025-03-26")]
    [InlineData(null)]
    public async Task BatchFrom2025_03_26_AnswersEachRequestWithAJsonRpcError(string? version)
    {
        using var response = await PostAsync(Batch, version);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var errors = answer.RootElement.EnumerateArray().ToList();
        Assert.Equal(["1", "\"b\""], errors.Select(e => e.GetProperty("id").GetRawText()));
        Assert.All(errors, e =>
        {
            Assert.Equal(-31403, e.GetProperty("error").GetProperty("code").GetInt32());
            Assert.Equal("mcp_batch_unsupported", e.GetProperty("error").GetProperty("data").GetProperty("code").GetString());
            Assert.Contains("own POST", e.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        });
        Assert.Empty(Upstream.Received);
        var record = await WaitForAsync("hana", _ => true, "the refused batch's exchange");
        Assert.Equal(("mcp", "deny", "mcp_batch_unsupported"), (record.Intent.Api, record.Intent.Decision, record.Intent.DecisionReason));
    }

    [Theory]
    [InlineData(Batch, "2025-06-18")]
    [InlineData(Batch, "2026-07-28")]
    [InlineData("""[{"jsonrpc":"2.0","method":"notifications/initialized"}]""", "2025-03-26")]
    public async Task BatchWhereNoRequestCanBeAnswered_IsRefusedWith400(string body, string version)
    {
        using var response = await PostAsync(body, version);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("batch", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Empty(Upstream.Received);
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string? version)
    {
        using var client = Gateway.Client(Gateway.Token("hana", "dev"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "rawmcp/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (version is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", version);
        }

        var response = await client.SendAsync(request, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }
}
