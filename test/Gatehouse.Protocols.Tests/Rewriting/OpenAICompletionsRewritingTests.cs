using System.Text;
using System.Text.Json;
using Gatehouse.Protocols.Tests.Holding;
using Gatehouse.Protocols.Tests.Responses;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

public sealed class OpenAICompletionsRewritingTests
{
    private const string Head = """{"id":"cmpl-9","created":1700000000,"model":"gpt-35-turbo","choices":""";

    [Fact]
    public void Assemble_Stream_TextModelUsageAndFinishAreRead()
    {
        var summary = Run(ApiKind.OpenAICompletions, EventStream, OpenAICompletionsFixtures.Stream);

        Assert.Equal(OpenAICompletionsFixtures.Expected, Describe(summary));
    }

    [Fact]
    public void Rewrite_SecretSplitAcrossEvents_IsMaskedAndDoneIsKeptLast()
    {
        var stream = SseText.Build(
            (null, Head + """[{"index":0,"finish_reason":null,"logprobs":null,"text":"key = \"ghp_AB"}]}"""),
            (null, Head + """[{"index":0,"finish_reason":null,"logprobs":null,"text":"CD\"\n"}]}"""),
            (null, Head + """[{"index":0,"finish_reason":"stop","logprobs":null,"text":""}]}"""),
            (null, "[DONE]"));

        var (output, rewriter) = Rewriting.Run(ApiKind.OpenAICompletions, EventStream, stream, new SecretRewriter("ghp_ABCD"));

        Assert.Null(rewriter.Error);
        var events = Rewriting.Events(output);
        Assert.Equal(4, events.Count);
        Assert.Equal("[DONE]", events[^1].Data);
        Assert.Equal("key = \"" + SecretRewriter.Mask + "\"\n", Run(ApiKind.OpenAICompletions, EventStream, output).Text);
        Assert.DoesNotContain("ghp_AB", Encoding.UTF8.GetString(output), StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_HeldTextAndAFinishWithoutText_IsReleasedInAChunkBeforeIt()
    {
        var stream = SseText.Build(
            (null, Head + """[{"index":0,"finish_reason":null,"logprobs":null,"text":"hello"}]}"""),
            (null, Head + """[{"index":0,"finish_reason":"length","logprobs":null}]}"""),
            (null, "[DONE]"));

        var (output, _) = Rewriting.Run(ApiKind.OpenAICompletions, EventStream, stream, new UppercaseRewriter(holdAll: true));
        var events = Rewriting.Events(output);

        Assert.Equal(4, events.Count);
        using var synthetic = JsonDocument.Parse(events[1].Data);
        Assert.Equal("cmpl-9", synthetic.RootElement.GetProperty("id").GetString());
        Assert.Equal("gpt-35-turbo", synthetic.RootElement.GetProperty("model").GetString());
        Assert.Equal("HELLO", synthetic.RootElement.GetProperty("choices")[0].GetProperty("text").GetString());
        Assert.Contains("\"finish_reason\":\"length\"", events[2].Data, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_LogprobsInStreamAndBody_AreDropped()
    {
        const string Logprobs = """{"tokens":["ghp","_ABCD"],"token_logprobs":[-0.1,-0.2],"top_logprobs":null,"text_offset":[0,3]}""";
        var stream = SseText.Build((null, Head + "[{\"index\":0,\"finish_reason\":null,\"logprobs\":" + Logprobs + ",\"text\":\"ghp_ABCD\"}]}"), (null, "[DONE]"));
        var body = "{\"id\":\"cmpl-9\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"logprobs\":" + Logprobs + ",\"text\":\"ghp_ABCD\"}]}";

        var (streamed, _) = Rewriting.Run(ApiKind.OpenAICompletions, EventStream, stream, new SecretRewriter("ghp_ABCD"));
        var (whole, _) = Rewriting.Run(ApiKind.OpenAICompletions, JsonType, body, new SecretRewriter("ghp_ABCD"));

        Assert.DoesNotContain("_ABCD", Encoding.UTF8.GetString(streamed), StringComparison.Ordinal);
        Assert.Equal(
            "{\"id\":\"cmpl-9\",\"object\":\"text_completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\",\"logprobs\":null,\"text\":\"" + SecretRewriter.Mask + "\"}]}",
            Encoding.UTF8.GetString(whole));
    }

    [Fact]
    public void Rewrite_Body_UnknownMembersKeptAsWritten()
    {
        const string Body = """{ "id" : "cmpl-9", "choices" : [ { "text" : "ghp_ABCD and more", "index" : 0, "x" : { "y" : [1, 2.50] } } ], "usage" : {"prompt_tokens": 1} }""";

        var (output, rewriter) = Rewriting.Run(ApiKind.OpenAICompletions, JsonType, Body, new SecretRewriter("ghp_ABCD"));

        Assert.Equal(0, rewriter.UnknownShapes);
        Assert.Equal(Body.Replace("ghp_ABCD", SecretRewriter.Mask, StringComparison.Ordinal), Encoding.UTF8.GetString(output));
    }

    [Theory]
    [InlineData("application/json", """{"choices":[{"index":0,"message":{"role":"assistant","content":"ghp_ABCD"}}]}""")]
    [InlineData("text/event-stream", "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ghp_ABCD\"}}]}\n\n")]
    public void Rewrite_ChatShapedAnswer_IsAnUnknownShape(string contentType, string body)
    {
        var (_, rewriter) = Rewriting.Run(ApiKind.OpenAICompletions, contentType, body, new SecretRewriter("ghp_ABCD"));

        Assert.Equal(1, rewriter.UnknownShapes);
    }

    [Fact]
    public void Hold_RefusedStream_EndsWithACompletionChunkAndDone()
    {
        var run = HeldBytes.Run(ApiKind.OpenAICompletions, OpenAICompletionsFixtures.Stream, stream: true, fromStart: true);

        var refused = run.Refused("Held for review.");
        var events = Rewriting.Events(Encoding.UTF8.GetBytes(refused));

        Assert.Equal("[DONE]", events[^1].Data);
        var summary = Run(ApiKind.OpenAICompletions, EventStream, refused);
        Assert.Equal("Held for review.", summary.Text);
        Assert.Equal("stop", summary.FinishReason);
        Assert.Null(summary.Error);
    }

    [Fact]
    public void Hold_RefusedBody_IsATextCompletion()
    {
        var run = HeldBytes.Run(ApiKind.OpenAICompletions, OpenAICompletionsFixtures.Body, stream: false, fromStart: true);

        var refused = run.Refused("Held for review.");

        using var document = JsonDocument.Parse(refused);
        Assert.Equal("text_completion", document.RootElement.GetProperty("object").GetString());
        Assert.Equal("Held for review.", document.RootElement.GetProperty("choices")[0].GetProperty("text").GetString());
        Assert.Equal("Held for review.", Run(ApiKind.OpenAICompletions, JsonType, refused).Text);
    }
}
