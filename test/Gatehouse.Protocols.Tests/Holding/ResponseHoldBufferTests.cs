using CsCheck;
using Gatehouse.Protocols.Tests.Responses;
using Gatehouse.Testing;

namespace Gatehouse.Protocols.Tests.Holding;

public sealed class ResponseHoldBufferTests
{
    public static TheoryData<ApiKind, string, string, string> Streams => new()
    {
        { ApiKind.OpenAIChat, OpenAIChatFixtures.Stream, "\"content\":\", wörld 🙂\"", "\"tool_calls\"" },
        { ApiKind.AnthropicMessages, AnthropicFixtures.Stream, "\"content_block_stop\",\"index\":1", "\"tool_use\"" },
        { ApiKind.OpenAIResponses, OpenAIResponsesFixtures.Stream, "response.output_text.done", "\"function_call\"" },
    };

    [Theory]
    [MemberData(nameof(Streams))]
    public void Append_Stream_ReleasesTextEventsAndHoldsFromTheFirstToolCall(ApiKind api, string stream, string lastReleased, string firstHeld)
    {
        var run = HeldBytes.Run(api, stream, stream: true);

        Assert.True(run.Buffer.IsHolding);
        Assert.Null(run.Error);
        Assert.Equal(stream, run.Released + run.Held);
        Assert.Contains(lastReleased, run.Released, StringComparison.Ordinal);
        Assert.DoesNotContain(firstHeld, run.Released, StringComparison.Ordinal);
        Assert.StartsWith(stream[run.Released.Length..], run.Held, StringComparison.Ordinal);
        Assert.Contains(firstHeld, run.Held[..run.Held.IndexOf("\n\n", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.Contains(run.Summary.ToolCalls, c => c.Name == "get_weather" && c.Arguments == "{\"city\":\"Paris\"}");
    }

    [Fact]
    public void Append_AnyChunking_SplitsAtTheSameEventAndLosesNoByte()
    {
        var stream = AnthropicFixtures.Stream;
        var whole = HeldBytes.Run(ApiKind.AnthropicMessages, stream, stream: true);

        Chunking.Splits(stream.Length).ForAll(splits =>
        {
            var run = HeldBytes.Run(ApiKind.AnthropicMessages, stream, stream: true, splits);
            Assert.Equal(whole.Released, run.Released);
            Assert.Equal(whole.Held, run.Held);
        }, iter: 200);
    }

    [Fact]
    public void Append_TextOnlyStream_ReleasesEverythingAndHoldsNothing()
    {
        var stream = SseText.Build(
            (null, """{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"hi"},"finish_reason":null}]}"""),
            (null, """{"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}"""),
            (null, "[DONE]"));

        var run = HeldBytes.Run(ApiKind.OpenAIChat, stream, stream: true, Chunking.EveryByte(stream.Length));

        Assert.False(run.Buffer.IsHolding);
        Assert.Equal(stream, run.Released);
        Assert.Empty(run.Held);
    }

    [Fact]
    public void Append_HoldFromStart_ReleasesNothing()
    {
        var run = HeldBytes.Run(ApiKind.OpenAIChat, OpenAIChatFixtures.Stream, stream: true, fromStart: true);

        Assert.Empty(run.Released);
        Assert.Equal(OpenAIChatFixtures.Stream, run.Held);
        Assert.Equal(2, run.Summary.ToolCalls.Count);
    }

    [Fact]
    public void Append_JsonBody_HoldsItWholeAndAssemblesItsToolCalls()
    {
        var run = HeldBytes.Run(ApiKind.OpenAIChat, OpenAIChatFixtures.Body, stream: false, [7, 300]);

        Assert.Empty(run.Released);
        Assert.Equal(OpenAIChatFixtures.Body, run.Held);
        Assert.Equal(["get_weather", "get_time"], run.Summary.ToolCalls.Select(c => c.Name));
    }

    [Fact]
    public void Append_PastTheCap_StopsWithAnError()
    {
        var run = HeldBytes.Run(ApiKind.AnthropicMessages, AnthropicFixtures.Stream, stream: true, cap: 200);

        Assert.NotNull(run.Error);
        Assert.Contains("exceeds 200 bytes", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Held);
    }

    [Fact]
    public void Append_UnknownEventBeforeAnyToolCall_IsHeld()
    {
        var stream = SseText.Typed(
            """{"type":"message_start","message":{"id":"m","type":"message","role":"assistant","content":[],"model":"c","usage":{"input_tokens":1,"output_tokens":1}}}""",
            """{"type":"brand_new_event","index":0}""",
            """{"type":"message_stop"}""");

        var run = HeldBytes.Run(ApiKind.AnthropicMessages, stream, stream: true);

        Assert.True(run.Buffer.IsHolding);
        Assert.Contains("brand_new_event", run.Held, StringComparison.Ordinal);
        Assert.DoesNotContain("brand_new_event", run.Released, StringComparison.Ordinal);
    }
}
