using System.Buffers;
using System.Text;
using Gatehouse.Protocols.Tests.Responses;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

/// <summary>Responses of endpoints no adapter understands, and response fields adapters once passed unread.</summary>
public sealed class GenericRewritingTests
{
    private const string Secret = "s3cr3t";

    [Theory]
    [InlineData("""{"id":"x","s3cr3t":{"list":["a s3cr3t",1.50,true,null]}}""", """{"id":"x","[MASKED:x]":{"list":["a [MASKED:x]",1.50,true,null]}}""")]
    [InlineData("{\"a\":\"s3cr3t\"}\r\n\n{\"b\":[\"s3cr3t\"]}\n", "{\"a\":\"[MASKED:x]\"}\r\n\n{\"b\":[\"[MASKED:x]\"]}\n")]
    [InlineData("plain s3cr3t text", "plain [MASKED:x] text")]
    [InlineData("", "")]
    public void GenericBody_EveryNameStringLineOrText_IsRewritten(string body, string expected)
    {
        var (output, error) = Generic("application/json", Encoding.UTF8.GetBytes(body), splits: [1, 7]);

        Assert.Null(error);
        Assert.Equal(expected, output);
    }

    [Fact]
    public void GenericBody_Binary_IsNotReleased()
    {
        var (output, error) = Generic("application/octet-stream", [0, 1, 0xff, .. Encoding.UTF8.GetBytes(Secret)]);

        Assert.NotNull(error);
        Assert.Equal("", output);
    }

    [Fact]
    public void GenericBody_DuplicateNamesOnALine_IsTreatedAsTextNotJson()
    {
        var (output, error) = Generic("application/json", Encoding.UTF8.GetBytes("""{"a":"s3cr3t","a":"x"}"""));

        Assert.Null(error);
        Assert.DoesNotContain(Secret, output, StringComparison.Ordinal);
    }

    [Fact]
    public void GenericStream_EachEventIsRewrittenWhole_TypesKept()
    {
        var body = "event: one\ndata: {\"t\":\"s3cr3t\"}\n\n: keep-alive\n\ndata: not json s3cr3t\n\ndata: [DONE]\n\n";

        var (output, error) = Generic("text/event-stream", Encoding.UTF8.GetBytes(body), splits: [5, 20, 40]);

        Assert.Null(error);
        var events = Rewriting.Events(Encoding.UTF8.GetBytes(output));
        Assert.Equal([("one", """{"t":"[MASKED:x]"}"""), ("", "not json [MASKED:x]"), ("", "[DONE]")], events);
    }

    [Fact]
    public void ChatBody_LegacyFunctionCallCustomToolAndLogprobs_AreRewrittenAndAssembled()
    {
        const string Body = """
            {"id":"c","object":"chat.completion","model":"m","choices":[
             {"index":0,"message":{"role":"assistant","content":null,"function_call":{"name":"f","arguments":"{\"k\":\"s3cr3t\"}"}},"logprobs":{"content":[{"token":"s3cr3t","logprob":-1,"bytes":[115],"top_logprobs":[]}]},"finish_reason":"function_call"},
             {"index":1,"message":{"role":"assistant","content":null,"tool_calls":[{"id":"t","type":"custom","custom":{"name":"shell","input":"echo s3cr3t"}}]},"finish_reason":"tool_calls"}]}
            """;

        var (output, rewriter) = Rewriting.Run(ApiKind.OpenAIChat, JsonType, Body, new SecretRewriter(Secret));
        var summary = Assembling.Run(ApiKind.OpenAIChat, JsonType, output);

        Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(output), StringComparison.Ordinal);
        Assert.Contains("\"logprobs\":null", Encoding.UTF8.GetString(output), StringComparison.Ordinal);
        Assert.Equal(0, rewriter.UnknownShapes);
        Assert.Equal([("f", """{"k":"[MASKED:x]"}"""), ("shell", "echo [MASKED:x]")], summary.ToolCalls.Select(c => (c.Name, c.Arguments)));
    }

    [Fact]
    public void ChatStream_LegacyFunctionCallAndCustomInputSplitAcrossChunks_AreMaskedAndAssembled()
    {
        string Chunk(string delta, string? finish = null)
            => $$"""data: {"id":"c","object":"chat.completion.chunk","model":"m","choices":[{"index":0,"delta":{{delta}},"finish_reason":{{(finish is null ? "null" : $"\"{finish}\"")}}}]}""" + "\n\n";
        var body = Chunk("""{"role":"assistant","function_call":{"name":"f","arguments":"{\"k\":\"s3c"}}""")
            + Chunk("""{"function_call":{"arguments":"r3t\"}"}}""")
            + Chunk("""{"tool_calls":[{"index":0,"id":"t","type":"custom","custom":{"name":"shell","input":"echo s3"}}]}""")
            + Chunk("""{"tool_calls":[{"index":0,"custom":{"input":"cr3t"}}]}""")
            + Chunk("{}", "stop")
            + "data: [DONE]\n\n";

        var (output, rewriter) = Rewriting.Run(ApiKind.OpenAIChat, EventStream, body, new SecretRewriter(Secret));
        var summary = Assembling.Run(ApiKind.OpenAIChat, EventStream, output);

        Assert.Null(rewriter.Error);
        Assert.DoesNotContain("s3c", Encoding.UTF8.GetString(output), StringComparison.Ordinal);
        Assert.Equal([("f", """{"k":"[MASKED:x]"}"""), ("shell", "echo [MASKED:x]")], summary.ToolCalls.Select(c => (c.Name, c.Arguments)));
    }

    [Theory]
    [InlineData("""{"choices":[{"index":0,"message":{"role":"assistant","audio":{"id":"a","data":"AAAA","transcript":"s3cr3t"}}}]}""")]
    [InlineData("""{"choices":[{"index":0,"message":{"role":"assistant","content":"ok","audio":null}}]}""")]
    public void ChatBody_AudioOutput_CountsAsAShapeThatCannotBeMasked(string body)
    {
        var (_, rewriter) = Rewriting.Run(ApiKind.OpenAIChat, JsonType, body, new SecretRewriter(Secret));

        Assert.Equal(body.Contains("\"transcript\"", StringComparison.Ordinal) ? 1 : 0, rewriter.UnknownShapes);
    }

    [Fact]
    public void ResponsesAndMessages_FileSearchResultsAndCitations_AreMasked()
    {
        const string Responses = """{"id":"r","output":[{"id":"fs","type":"file_search_call","queries":["s3cr3t?"],"results":[{"file_id":"f","text":"is s3cr3t","score":1}]},{"id":"m","type":"message","content":[{"type":"output_text","text":"ok","logprobs":[{"token":"s3cr3t"}]}]}]}""";
        const string Messages = """{"type":"message","model":"m","content":[{"type":"text","text":"ok","citations":[{"type":"char_location","cited_text":"s3cr3t"}]}]}""";

        var (responses, r1) = Rewriting.Run(ApiKind.OpenAIResponses, JsonType, Responses, new SecretRewriter(Secret));
        var (messages, r2) = Rewriting.Run(ApiKind.AnthropicMessages, JsonType, Messages, new SecretRewriter(Secret));

        Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(responses), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(messages), StringComparison.Ordinal);
        Assert.Equal((0, 0), (r1.UnknownShapes, r2.UnknownShapes));
    }

    private static (string Output, string? Error) Generic(string contentType, byte[] body, int[]? splits = null)
    {
        using var rewriter = new ProtocolRegistry().CreateGenericResponseRewriter(contentType, new SecretRewriter(Secret));
        var output = new ArrayBufferWriter<byte>();
        foreach (var chunk in Chunking.Split(body, splits))
        {
            rewriter.Append(chunk, output);
        }

        rewriter.Complete(output);
        return (Encoding.UTF8.GetString(output.WrittenSpan), rewriter.Error);
    }
}
