using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Tests.Responses;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

public sealed class StreamShapeTests
{
    [Theory]
    [InlineData(ApiKind.AnthropicMessages, """{"type":"content_block_delta","index":0,"delta":{"type":"audio_delta","audio":"x"}}""")]
    [InlineData(ApiKind.AnthropicMessages, """{"type":"content_block_start","index":0,"content_block":{"type":"hologram"}}""")]
    [InlineData(ApiKind.AnthropicMessages, """{"type":"new_event"}""")]
    [InlineData(ApiKind.OpenAIResponses, """{"type":"response.audio.transcript.delta","delta":"x"}""")]
    [InlineData(ApiKind.OpenAIResponses, """{"type":"response.output_text.delta","output_index":0,"delta":["x"]}""")]
    [InlineData(ApiKind.OpenAIResponses, """{"type":"response.output_item.done","output_index":0,"item":{"type":"hologram"}}""")]
    [InlineData(ApiKind.OpenAIChat, """{"id":"c","candidates":[{"text":"x"}]}""")]
    [InlineData(ApiKind.OpenAIChat, """{"id":"c","choices":[{"index":0,"delta":{"content":[{"text":"x"}]}}]}""")]
    public void Rewrite_UnknownShape_IsCountedAndPassedThrough(ApiKind api, string data)
    {
        var stream = SseText.Build((null, data));

        var (output, rewriter) = Rewriting.Run(api, EventStream, stream, new UppercaseRewriter(holdAll: false));

        Assert.Equal(1, rewriter.UnknownShapes);
        Assert.Null(rewriter.Error);
        Assert.Equal(stream, Encoding.UTF8.GetString(output));
    }

    [Theory]
    [InlineData("data: {\"type\":\"ping\"\n\n")]
    [InlineData("data: [1]\n\n")]
    [InlineData("data: {\"type\":\"ping\",\"type\":\"x\"}\n\n")]
    public void Rewrite_MalformedEvent_ReportsErrorAndReleasesNothingMore(string bad)
    {
        var good = SseText.Typed("""{"type":"ping"}""");

        var (output, rewriter) = Rewriting.Run(ApiKind.AnthropicMessages, EventStream, good + bad + good, IdentityTextRewriter.Instance);

        Assert.StartsWith("malformed SSE event: data ", rewriter.Error, StringComparison.Ordinal);
        Assert.Equal(good, Encoding.UTF8.GetString(output));
    }

    [Fact]
    public void Rewrite_CommentsAndIds_AreKept()
    {
        const string Stream = ": ping\n\nevent: ping\nid: 7\ndata: {\"type\":\"ping\"}\n\n: ping\nevent: ping\ndata: {\"type\":\"ping\"}\n\n";

        var (output, _) = Rewriting.Run(ApiKind.AnthropicMessages, EventStream, Stream, IdentityTextRewriter.Instance);

        Assert.Equal(":\nevent: ping\nid: 7\ndata: {\"type\":\"ping\"}\n\n:\nevent: ping\ndata: {\"type\":\"ping\"}\n\n", Encoding.UTF8.GetString(output));
    }

    [Fact]
    public void Rewrite_OpenAIChatFinishChunkWithContent_CarriesTheHeldRest()
    {
        var stream = SseText.Build(
            (null, """{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"ab"},"finish_reason":null}]}"""),
            (null, """{"id":"c","model":"m","choices":[{"index":0,"delta":{"content":"cd"},"finish_reason":"stop"}]}"""),
            (null, "[DONE]"));

        var (output, _) = Rewriting.Run(ApiKind.OpenAIChat, EventStream, stream, new UppercaseRewriter(holdAll: true));
        var events = Rewriting.Events(output);

        Assert.Equal(3, events.Count);
        Assert.Contains("\"content\":\"\"", events[0].Data, StringComparison.Ordinal);
        Assert.Contains("\"content\":\"ABCD\"}", events[1].Data, StringComparison.Ordinal);
        Assert.Equal("stop", Run(ApiKind.OpenAIChat, EventStream, output).FinishReason);
    }

    [Fact]
    public void Rewrite_OpenAIChatChoicesAndToolCalls_AreSeparateChannels()
    {
        var stream = SseText.Build(
            (null, """{"id":"c","choices":[{"index":1,"delta":{"content":"x"}},{"index":0,"delta":{"tool_calls":[{"index":2,"function":{"arguments":"{}"}}]}}]}"""),
            (null, "[DONE]"));
        var rewriter = new UppercaseRewriter(holdAll: true);

        var (output, _) = Rewriting.Run(ApiKind.OpenAIChat, EventStream, stream, rewriter);

        Assert.Equal(
            [new TextChannel(TextChannelKind.Content, 1), new TextChannel(TextChannelKind.ToolArguments, 0, 2)],
            rewriter.Flushed);
        var released = Rewriting.Events(output).Select(e => e.Data).ToList();
        Assert.Contains("""{"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":2,"function":{"arguments":"{}"}}]},"finish_reason":null}]}""", released);
    }

    [Fact]
    public void Rewrite_StreamEndingWithoutItsFinalEvent_FlushesOpenChannelsAtComplete()
    {
        var stream = SseText.Typed("""{"type":"content_block_delta","index":4,"delta":{"type":"thinking_delta","thinking":"hm"}}""");

        var (output, rewriter) = Rewriting.Run(ApiKind.AnthropicMessages, EventStream, stream, new UppercaseRewriter(holdAll: true));

        var last = Rewriting.Events(output)[^1];
        Assert.Null(rewriter.Error);
        Assert.Equal("""{"type":"content_block_delta","index":4,"delta":{"type":"thinking_delta","thinking":"HM"}}""", last.Data);
    }

    [Fact]
    public void Rewrite_OpenAIResponsesReasoningAndPartEvents_RepeatTheReleasedText()
    {
        var (output, _) = Rewriting.Run(ApiKind.OpenAIResponses, EventStream, OpenAIResponsesFixtures.Stream, new SecretRewriter("needs", "Hello"));

        var text = Encoding.UTF8.GetString(output);
        Assert.DoesNotContain("needs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello", text, StringComparison.Ordinal);
        var completed = Rewriting.Events(output).Single(e => e.Event == "response.completed").Data;
        using var document = JsonDocument.Parse(completed);
        var output0 = document.RootElement.GetProperty("response").GetProperty("output");
        Assert.Equal("Weather [MASKED:x] a tool.", output0[0].GetProperty("summary")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Rewrite_OpenAIChatRefusal_IsItsOwnChannelReleasedBeforeTheFinish()
    {
        var stream = SseText.Build(
            (null, """{"id":"c","choices":[{"index":0,"delta":{"content":"a","refusal":"no"},"finish_reason":null}]}"""),
            (null, """{"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"""));

        var (output, _) = Rewriting.Run(ApiKind.OpenAIChat, EventStream, stream, new UppercaseRewriter(holdAll: true));

        Assert.Equal(
            [
                """{"id":"c","choices":[{"index":0,"delta":{"content":"","refusal":""},"finish_reason":null}]}""",
                """{"id":"c","choices":[{"index":0,"delta":{"content":"A"},"finish_reason":null}]}""",
                """{"id":"c","choices":[{"index":0,"delta":{"refusal":"NO"},"finish_reason":null}]}""",
                """{"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}""",
            ],
            Rewriting.Events(output).Select(e => e.Data));
    }

    [Fact]
    public void Rewrite_AnthropicMessageStartWithContent_IsRewrittenWhole()
    {
        var stream = SseText.Typed("""{"type":"message_start","message":{"model":"m","content":[{"type":"text","text":"hi"}]}}""");

        var (output, _) = Rewriting.Run(ApiKind.AnthropicMessages, EventStream, stream, new UppercaseRewriter(holdAll: true));

        Assert.Equal("""{"type":"message_start","message":{"model":"m","content":[{"type":"text","text":"HI"}]}}""", Rewriting.Events(output)[0].Data);
    }

    [Fact]
    public void Rewrite_OpenAIResponsesCustomToolInputAndReasoningText_AreChannelsOfTheirOwn()
    {
        var stream = SseText.Typed(
            """{"type":"response.reasoning_text.delta","output_index":0,"content_index":0,"delta":"think"}""",
            """{"type":"response.reasoning_text.done","output_index":0,"content_index":0,"text":"think"}""",
            """{"type":"response.custom_tool_call_input.delta","output_index":1,"delta":"*** Begin"}""",
            """{"type":"response.custom_tool_call_input.done","output_index":1,"input":"*** Begin"}""",
            """{"type":"response.output_item.done","output_index":1,"item":{"type":"custom_tool_call","name":"apply_patch","input":"*** Begin"}}""");
        var rewriter = new UppercaseRewriter(holdAll: true);

        var (output, responses) = Rewriting.Run(ApiKind.OpenAIResponses, EventStream, stream, rewriter);

        Assert.Equal(0, responses.UnknownShapes);
        Assert.Equal([new TextChannel(TextChannelKind.Reasoning), new TextChannel(TextChannelKind.ToolInput, Index: 1)], rewriter.Flushed);
        Assert.Equal(
            [
                "response.reasoning_text.delta:{\"type\":\"response.reasoning_text.delta\",\"output_index\":0,\"content_index\":0,\"delta\":\"\"}",
                "response.reasoning_text.delta:{\"type\":\"response.reasoning_text.delta\",\"output_index\":0,\"content_index\":0,\"delta\":\"THINK\"}",
                "response.reasoning_text.done:{\"type\":\"response.reasoning_text.done\",\"output_index\":0,\"content_index\":0,\"text\":\"THINK\"}",
                "response.custom_tool_call_input.delta:{\"type\":\"response.custom_tool_call_input.delta\",\"output_index\":1,\"delta\":\"\"}",
                "response.custom_tool_call_input.delta:{\"type\":\"response.custom_tool_call_input.delta\",\"output_index\":1,\"delta\":\"*** BEGIN\"}",
                "response.custom_tool_call_input.done:{\"type\":\"response.custom_tool_call_input.done\",\"output_index\":1,\"input\":\"*** BEGIN\"}",
                "response.output_item.done:{\"type\":\"response.output_item.done\",\"output_index\":1,\"item\":{\"type\":\"custom_tool_call\",\"name\":\"apply_patch\",\"input\":\"*** BEGIN\"}}",
            ],
            Rewriting.Events(output).Select(e => e.Event + ":" + e.Data));
    }
}
