using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Gatehouse.FunctionalTests.Mcp;

/// <summary>
/// The JSON-RPC error codes of what the gateway answers itself, as the specification defines them: each refusal's
/// body is the problem (as before) and, in the same object, the JSON-RPC error for the request's id.
/// </summary>
public sealed class McpErrorCodeTests : McpGatewayTest
{
    private const string Call = """{"jsonrpc":"2.0","id":"c-4","method":"tools/call","params":{"name":"github.merge_pr","arguments":{},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}""";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // 2026-07-28 Streamable HTTP, "Server Validation": "servers MUST return HTTP status 400 Bad Request and MUST include a
    // JSON-RPC error response using the following error code: -32020 HeaderMismatch"; the failure conditions include "A
    // required standard header (MCP-Protocol-Version, Mcp-Method, Mcp-Name) is missing" and "A header value does not match".
    [Theory]
    [InlineData("tools/call", "github.list_prs")]
    [InlineData("tools/list", "github.merge_pr")]
    [InlineData("tools/call", null)]
    public async Task HeaderMismatchOrMissingHeader_Is400WithJsonRpcErrorMinus32020(string method, string? name)
    {
        using var response = await PostAsync(Call, "2026-07-28", method, name);

        var (problem, error) = await ErrorAsync(response);
        Assert.Equal("mcp_header_mismatch", problem.GetProperty("code").GetString());
        Assert.Equal(-32020, error.GetProperty("code").GetInt32());
        Assert.Equal(problem.GetProperty("detail").GetString(), error.GetProperty("message").GetString());
        Assert.Empty(Upstream.Received);
    }

    // 2026-07-28 "Versioning", "Protocol Version Negotiation": "it MUST respond with an UnsupportedProtocolVersionError
    // listing the versions it does support" (code -32022, data.supported and data.requested); Streamable HTTP: "it MUST
    // respond with 400 Bad Request and an UnsupportedProtocolVersionError".
    [Fact]
    public async Task UnsupportedProtocolVersion_Is400WithJsonRpcErrorMinus32022_ListingTheSupportedOnes()
    {
        using var response = await PostAsync("""{"jsonrpc":"2.0","id":9,"method":"tools/list"}""", "1900-01-01", null, null);

        var (problem, error) = await ErrorAsync(response, "9");
        Assert.Equal("mcp_unsupported_protocol_version", problem.GetProperty("code").GetString());
        Assert.Equal(-32022, error.GetProperty("code").GetInt32());
        var data = error.GetProperty("data");
        Assert.Equal(["2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"], data.GetProperty("supported").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("1900-01-01", data.GetProperty("requested").GetString());
    }

    // 2026-07-28 "Overview", "Error Codes": new codes for purposes the specification does not define "SHOULD be allocated
    // outside the JSON-RPC reserved range (-32768 to -32000)"; a policy refusal is such a purpose.
    [Fact]
    public async Task PolicyRefusal_UsesACodeOutsideTheReservedRange()
    {
        using var response = await PostAsync(Call, "2026-07-28", "tools/call", "github.merge_pr", "contractors");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var code = body.RootElement.GetProperty("error").GetProperty("code").GetInt32();
        Assert.False(code is >= -32768 and <= -32000, $"{code} is in the JSON-RPC reserved range");
    }

    private static async Task<(JsonElement Problem, JsonElement Error)> ErrorAsync(HttpResponseMessage response, string id = "\"c-4\"")
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var root = document.RootElement.Clone();
        Assert.Equal("2.0", root.GetProperty("jsonrpc").GetString());
        Assert.Equal(id, root.GetProperty("id").GetRawText());
        return (root, root.GetProperty("error"));
    }

    private async Task<HttpResponseMessage> PostAsync(string body, string version, string? method, string? name, string group = "dev")
    {
        using var client = Gateway.Client(Gateway.Token("erin", group));
        using var request = new HttpRequestMessage(HttpMethod.Post, "rawmcp/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", version);
        if (method is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Method", method);
        }

        if (name is not null)
        {
            request.Headers.TryAddWithoutValidation("Mcp-Name", name);
        }

        var response = await client.SendAsync(request, Cancel);
        await response.Content.LoadIntoBufferAsync(Cancel);
        return response;
    }
}
