using System.Text;
using Gatehouse.Protocols.Mcp;

namespace Gatehouse.Protocols.Tests.Mcp;

public sealed class McpRetryFieldsTests
{
    private static readonly IProtocolAdapter Adapter = new ProtocolRegistry().Resolve("mcp", "POST", "mcp")!;

    [Theory]
    [InlineData("""{"elicitation":{"url":{}}}""", true)]
    [InlineData("""{"elicitation":{"form":{},"url":{}}}""", true)]
    [InlineData("""{"elicitation":{}}""", false)]
    [InlineData("""{"elicitation":{"form":{}}}""", false)]
    [InlineData("""{}""", false)]
    public void Reader_TakesUrlElicitationFromTheRequestsCapabilities(string capabilities, bool expected)
    {
        var body = """{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"t","_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":"""
            + capabilities + "}}}";

        Assert.Equal(expected, Adapter.ParseRequest(Encoding.UTF8.GetBytes(body)).Request!.Mcp!.ElicitsUrl);
    }

    [Fact]
    public void Reader_TakesTheEchoedRequestState()
    {
        var body = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"t","requestState":"gh1.x.y","inputResponses":{"k":{"action":"accept"}}}}""";

        Assert.Equal("gh1.x.y", Adapter.ParseRequest(Encoding.UTF8.GetBytes(body)).Request!.Mcp!.RequestState);
    }

    [Fact]
    public void Strip_RemovesOnlyTheRetryFields()
    {
        var body = """{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"t","arguments":{"requestState":"kept"},"requestState":"gh1.x.y","inputResponses":{"k":{}},"_meta":{"a":1}}}""";

        var stripped = Encoding.UTF8.GetString(McpRetryFields.Strip(Encoding.UTF8.GetBytes(body)));

        Assert.Equal("""{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"t","arguments":{"requestState":"kept"},"_meta":{"a":1}}}""", stripped);
    }

    [Fact]
    public void InputRequired_IsTheRevisionsResultWithOneUrlElicitation()
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new System.Text.Json.Utf8JsonWriter(output))
        {
            McpInputRequired.Write(writer, "\"c\"", "approve me", new Uri("https://gate.example.com/api/approvals/apr_1"), "gh1.s.m");
        }

        Assert.Equal(
            """{"jsonrpc":"2.0","id":"c","result":{"resultType":"input_required","inputRequests":{"gatehouse_approval":{"method":"elicitation/create","params":{"mode":"url","message":"approve me","url":"https://gate.example.com/api/approvals/apr_1"}}},"requestState":"gh1.s.m"}}""",
            Encoding.UTF8.GetString(output.WrittenSpan));
    }
}
