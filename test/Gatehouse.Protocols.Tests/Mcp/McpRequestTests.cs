using System.Text;
using Gatehouse.Protocols.Mcp;

namespace Gatehouse.Protocols.Tests.Mcp;

public sealed class McpRequestTests
{
    private static readonly IProtocolAdapter Adapter = new ProtocolRegistry().Resolve("mcp", "POST", "mcp")!;

    private static RequestParseResult Parse(string json) => Adapter.ParseRequest(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("POST", "mcp", ApiKind.Mcp)]
    [InlineData("POST", "", ApiKind.Mcp)]
    [InlineData("POST", "v1/any/path", ApiKind.Mcp)]
    [InlineData("GET", "mcp", ApiKind.Http)]
    [InlineData("DELETE", "mcp", ApiKind.Http)]
    public void Resolve_McpConnection_EveryPostIsMcpAndOtherMethodsOpaque(string method, string path, ApiKind expected)
        => Assert.Equal(expected, new ProtocolRegistry().Resolve("mcp", method, path)?.Api ?? ApiKind.Http);

    [Fact]
    public void Resolve_OtherConnectionKinds_NeverMcp()
        => Assert.NotEqual(ApiKind.Mcp, new ProtocolRegistry().Resolve("openai", "POST", "mcp")?.Api ?? ApiKind.Http);

    [Fact]
    public void ToolsCall_ReadsMethodIdToolAndArgumentsAsAToolCall()
    {
        var request = Parse("""{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"github.merge_pr","arguments":{"repo":"acme/api","number":12}}}""").Request!;

        Assert.Equal(ApiKind.Mcp, request.Api);
        Assert.Equal(new McpMessage(McpMessageKind.Request, "tools/call", "7", "github.merge_pr", null), request.Mcp);
        var call = Assert.Single(request.ToolCalls);
        Assert.Equal(("7", "github.merge_pr", """{"repo":"acme/api","number":12}"""), (call.Id, call.Name, call.Arguments));
        Assert.Equal("github.merge_pr", request.Model);
    }

    [Fact]
    public void ToolsCall_WithoutArguments_HasEmptyObjectArguments()
    {
        var call = Assert.Single(Parse("""{"jsonrpc":"2.0","id":"a","method":"tools/call","params":{"name":"ping"}}""").Request!.ToolCalls);
        Assert.Equal(("\"a\"", "{}"), (call.Id, call.Arguments));
    }

    [Fact]
    public void ResourcesRead_IsAToolCallNamedAfterTheMethodWithTheUri()
    {
        var request = Parse("""{"jsonrpc":"2.0","id":2,"method":"resources/read","params":{"uri":"file:///etc/app.conf"}}""").Request!;
        Assert.Equal("file:///etc/app.conf", request.Mcp!.Name);
        var call = Assert.Single(request.ToolCalls);
        Assert.Equal(("resources/read", """{"uri":"file:///etc/app.conf"}"""), (call.Name, call.Arguments));
    }

    [Fact]
    public void PromptsGet_IsAToolCallNamedAfterTheMethodWithNameAndArguments()
    {
        var request = Parse("""{"jsonrpc":"2.0","id":3,"method":"prompts/get","params":{"name":"review","arguments":{"lang":"c#"}}}""").Request!;
        Assert.Equal("review", request.Mcp!.Name);
        var call = Assert.Single(request.ToolCalls);
        Assert.Equal(("prompts/get", """{"name":"review","arguments":{"lang":"c#"}}"""), (call.Name, call.Arguments));
    }

    [Fact]
    public void StatelessRevision_ReadsTheProtocolVersionFromMeta()
    {
        var request = Parse("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":{"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28"}}}""").Request!;
        Assert.Equal(new McpMessage(McpMessageKind.Request, "tools/list", "1", null, "2026-07-28"), request.Mcp);
        Assert.Empty(request.ToolCalls);
    }

    [Fact]
    public void NotificationAndResponse_AreRecognised()
    {
        Assert.Equal(McpMessageKind.Notification, Parse("""{"jsonrpc":"2.0","method":"notifications/initialized"}""").Request!.Mcp!.Kind);
        Assert.Equal(McpMessageKind.Response, Parse("""{"jsonrpc":"2.0","id":5,"result":{}}""").Request!.Mcp!.Kind);
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":1,"method":"tools/list"}]""", "batch")]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"tools/list"}""", "'jsonrpc' must be \"2.0\"")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}}""", "'params.name' is required")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call"}""", "'params' is required for tools/call")]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"tools/list"}""", "'id' must be a string or a number")]
    [InlineData("""{"jsonrpc":"2.0","id":1}""", "must be a response")]
    [InlineData("\"tools/list\"", "not a JSON-RPC message")]
    public void Malformed_IsRefusedWithAClearReason(string json, string expected)
    {
        var result = Parse(json);
        Assert.False(result.Success);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
