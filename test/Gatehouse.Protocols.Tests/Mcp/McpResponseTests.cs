using System.Buffers;
using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Pipeline;
using Gatehouse.Protocols.Tests.Responses;
using Gatehouse.Protocols.Tests.Rewriting;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Mcp;

public sealed class McpResponseTests
{
    private const string Secret = "ghp_SECRETSECRETSECRET";

    private static string Masked(string body, string contentType = JsonType)
    {
        var (output, rewriter) = Rewriting.Rewriting.Run(ApiKind.Mcp, contentType, body, new SecretRewriter(Secret));
        Assert.Null(rewriter.Error);
        Assert.Equal(0, rewriter.UnknownShapes);
        return Encoding.UTF8.GetString(output);
    }

    [Fact]
    public void ToolResult_TextStructuredContentAndEmbeddedResource_AreMasked()
    {
        var body = $$$$$"""{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"token {{{{{Secret}}}}} here"},{"type":"resource","resource":{"uri":"x:y","text":"{{{{{Secret}}}}}"}}],"structuredContent":{"token":"{{{{{Secret}}}}}","n":3,"list":["{{{{{Secret}}}}}"]}}}""";

        var masked = Masked(body);

        Assert.DoesNotContain(Secret, masked, StringComparison.Ordinal);
        Assert.Equal(
            """{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"token [MASKED:x] here"},{"type":"resource","resource":{"uri":"x:y","text":"[MASKED:x]"}}],"structuredContent":{"token":"[MASKED:x]","n":3,"list":["[MASKED:x]"]}}}""",
            masked);
    }

    [Fact]
    public void ResourceContentsPromptMessagesAndErrors_AreMasked()
    {
        Assert.DoesNotContain(Secret, Masked($$$$$"""{"jsonrpc":"2.0","id":2,"result":{"contents":[{"uri":"file:///a","text":"{{{{{Secret}}}}}"}]}}"""), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, Masked($$$$$"""{"jsonrpc":"2.0","id":3,"result":{"messages":[{"role":"user","content":{"type":"text","text":"{{{{{Secret}}}}}"}}]}}"""), StringComparison.Ordinal);
        var error = Masked($$$$$"""{"jsonrpc":"2.0","id":4,"error":{"code":-32603,"message":"failed with {{{{{Secret}}}}}","data":{"detail":"{{{{{Secret}}}}}"}}}""");
        Assert.Equal("""{"jsonrpc":"2.0","id":4,"error":{"code":-32603,"message":"failed with [MASKED:x]","data":{"detail":"[MASKED:x]"}}}""", error);
    }

    [Fact]
    public void Stream_NotificationsAndTheResponse_AreMaskedEventByEvent()
    {
        var stream =
            $$$$$"""id: 1{{{{{"\n"}}}}}event: message{{{{{"\n"}}}}}data: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"saw {{{{{Secret}}}}}"}}{{{{{"\n\n"}}}}}"""
            + $$$$$"""id: 2{{{{{"\n"}}}}}event: message{{{{{"\n"}}}}}data: {"jsonrpc":"2.0","id":9,"result":{"content":[{"type":"text","text":"{{{{{Secret}}}}}"}]}}{{{{{"\n\n"}}}}}""";

        var masked = Masked(stream, EventStream);

        Assert.DoesNotContain(Secret, masked, StringComparison.Ordinal);
        Assert.Contains("id: 2\n", masked, StringComparison.Ordinal);
        var summary = Assembling.Run(ApiKind.Mcp, EventStream, masked);
        Assert.Null(summary.Error);
        Assert.Equal("[MASKED:x]\n", summary.Text);
    }

    [Fact]
    public void Summary_ToolResultTextAndErrorsAreRecordedAsAnswers()
    {
        var result = Assembling.Run(ApiKind.Mcp, JsonType, """{"jsonrpc":"2.0","id":1,"result":{"content":[{"type":"text","text":"one"},{"type":"text","text":"two"}],"isError":true}}""");
        Assert.Equal(("one\ntwo\n", "error", (string?)null), (result.Text, result.FinishReason, result.Error));

        var error = Assembling.Run(ApiKind.Mcp, JsonType, """{"jsonrpc":"2.0","id":1,"error":{"code":-32602,"message":"Unknown tool"}}""");
        Assert.Equal(("Unknown tool", "error", (string?)null), (error.Text, error.FinishReason, error.Error));

        var list = Assembling.Run(ApiKind.Mcp, JsonType, """{"jsonrpc":"2.0","id":1,"result":{"tools":[]}}""");
        Assert.Equal("""{"tools":[]}""" + "\n", list.Text);
    }

    [Fact]
    public void Summary_StreamWithoutTheResponse_IsIncomplete()
    {
        var summary = Assembling.Run(ApiKind.Mcp, EventStream, "data: {\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}\n\n");
        Assert.NotNull(summary.Error);
    }

    [Theory]
    [InlineData(JsonType)]
    [InlineData(EventStream)]
    public void ToolFilter_HidesToolsTheCallerMayNotCall_EvenUnmasked(string contentType)
    {
        var result = """{"jsonrpc":"2.0","id":1,"result":{"tools":[{"name":"github.merge_pr","inputSchema":{"type":"object"}},{"name":"github.list_prs","description":"List, \"quoted\""},{"name":"github.merge_all"}]}}""";
        var body = contentType == EventStream ? $"event: message\ndata: {result}\n\n" : result;
        using var pipeline = new ProtocolRegistry().Get(ApiKind.Mcp)!.CreateResponsePipeline(new ResponsePipelineOptions
        {
            ContentType = contentType,
            ToolFilter = (name, _) => !name.StartsWith("github.merge_", StringComparison.Ordinal),
        });
        var client = new ArrayBufferWriter<byte>();
        pipeline.Append(Encoding.UTF8.GetBytes(body));
        pipeline.Release(client);
        pipeline.Complete();
        pipeline.Release(client);
        pipeline.End(client);

        var written = Encoding.UTF8.GetString(client.WrittenSpan);
        var json = contentType == EventStream ? Rewriting.Rewriting.Events(client.WrittenSpan.ToArray()).Single().Data : written;
        using var document = JsonDocument.Parse(json);
        var names = document.RootElement.GetProperty("result").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        Assert.Equal(["github.list_prs"], names);
        Assert.Contains("""{"name":"github.list_prs","description":"List, \"quoted\""}""", json, StringComparison.Ordinal);
    }
}
