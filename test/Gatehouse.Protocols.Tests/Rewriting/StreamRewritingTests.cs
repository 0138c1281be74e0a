using System.Text.Json;
using Gatehouse.Protocols.Rewriting;
using Gatehouse.Protocols.Tests.Responses;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Rewriting;

public sealed class StreamRewritingTests
{
    public static TheoryData<ApiKind> Apis => ResponseFixtures.Apis;

    [Theory]
    [MemberData(nameof(Apis))]
    public void Rewrite_IdentityRewriter_KeepsTheSummary(ApiKind api)
    {
        var (stream, _, expected) = ResponseFixtures.For(api);

        var summary = Rewriting.Summary(api, EventStream, stream, IdentityTextRewriter.Instance);

        Assert.Equal(expected, Describe(summary));
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public void Rewrite_IdentityRewriter_KeepsEveryEvent(ApiKind api)
    {
        var (stream, _, _) = ResponseFixtures.For(api);

        var (output, rewriter) = Rewriting.Run(api, EventStream, stream, IdentityTextRewriter.Instance);

        Assert.Equal(Rewriting.Events(System.Text.Encoding.UTF8.GetBytes(stream)), Rewriting.Events(output));
        Assert.Equal(0, rewriter.UnknownShapes);
    }

    [Theory]
    [MemberData(nameof(Apis))]
    public void Rewrite_UppercasingRewriter_SummaryIsTheUppercasedText(ApiKind api)
    {
        foreach (var hold in new[] { false, true })
        {
            var (stream, _, _) = ResponseFixtures.For(api);
            var original = Run(api, EventStream, stream);

            var summary = Rewriting.Summary(api, EventStream, stream, new UppercaseRewriter(hold));

            Assert.Equal(Describe(Uppercased(original)), Describe(summary));
        }
    }

    [Fact]
    public void Rewrite_AnthropicHeldText_IsReleasedBeforeTheBlockStops()
    {
        var (output, _) = Rewriting.Run(ApiKind.AnthropicMessages, EventStream, AnthropicFixtures.Stream, new UppercaseRewriter(holdAll: true));
        var events = Rewriting.Events(output);

        var synthetic = events.FindIndex(e => e.Data.Contains("\"text\":\"HELLO, WÖRLD", StringComparison.Ordinal));
        Assert.True(synthetic > 0);
        Assert.Equal("content_block_delta", events[synthetic].Event);
        Assert.Equal("""{"type":"content_block_stop","index":1}""", events[synthetic + 1].Data);
    }

    [Fact]
    public void Rewrite_OpenAIChatHeldText_IsReleasedBeforeTheFinishChunk()
    {
        var (output, _) = Rewriting.Run(ApiKind.OpenAIChat, EventStream, OpenAIChatFixtures.Stream, new UppercaseRewriter(holdAll: true));
        var events = Rewriting.Events(output);

        var finish = events.FindIndex(e => e.Data.Contains("\"finish_reason\":\"tool_calls\"", StringComparison.Ordinal));
        var released = events.FindIndex(e => e.Data.Contains("\"content\":\"HELLO, WÖRLD", StringComparison.Ordinal));
        Assert.InRange(released, 1, finish - 1);
        using var chunk = JsonDocument.Parse(events[released].Data);
        Assert.Equal("chatcmpl-1", chunk.RootElement.GetProperty("id").GetString());
        Assert.Equal("gpt-4o-2024-08-06", chunk.RootElement.GetProperty("model").GetString());
    }

    [Fact]
    public void Rewrite_OpenAIResponsesHeldText_IsReleasedBeforeTheDoneEvent()
    {
        var (output, _) = Rewriting.Run(ApiKind.OpenAIResponses, EventStream, OpenAIResponsesFixtures.Stream, new UppercaseRewriter(holdAll: true));
        var events = Rewriting.Events(output);

        var done = events.FindIndex(e => e.Event == "response.output_text.done");
        Assert.Equal("response.output_text.delta", events[done - 1].Event);
        using var delta = JsonDocument.Parse(events[done - 1].Data);
        Assert.Equal("HELLO, WÖRLD 🙂", delta.RootElement.GetProperty("delta").GetString());
        Assert.Equal("msg_1", delta.RootElement.GetProperty("item_id").GetString());
        using var doneEvent = JsonDocument.Parse(events[done].Data);
        Assert.Equal("HELLO, WÖRLD 🙂", doneEvent.RootElement.GetProperty("text").GetString());
        var completed = events.Single(e => e.Event == "response.completed").Data;
        Assert.Contains("HELLO, WÖRLD", completed, StringComparison.Ordinal);
        Assert.DoesNotContain("Hello", completed, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.ToolCallApis), MemberType = typeof(ResponseFixtures))]
    public void Rewrite_SecretSplitAcrossEvents_IsMaskedAndArgumentsStayValidJson(ApiKind api)
    {
        var (stream, _, _) = ResponseFixtures.For(api);

        var summary = Rewriting.Summary(api, EventStream, stream, new SecretRewriter("lo, w", "Paris"));

        Assert.Equal("Hel" + SecretRewriter.Mask + "örld 🙂", summary.Text);
        var call = summary.ToolCalls[0];
        using var arguments = JsonDocument.Parse(call.Arguments);
        Assert.Equal(SecretRewriter.Mask, arguments.RootElement.GetProperty("city").GetString());
    }

    private static ResponseSummary Uppercased(ResponseSummary s) => s with
    {
        Text = s.Text.ToUpperInvariant(),
        Reasoning = s.Reasoning.ToUpperInvariant(),
        ToolCalls = s.ToolCalls.Select(c => c with { Arguments = c.Arguments.ToUpperInvariant() }).ToList(),
    };
}
