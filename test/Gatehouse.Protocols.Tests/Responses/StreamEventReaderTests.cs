using System.Text;
using Gatehouse.Protocols.Sse;
using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Tests.Responses;

public sealed class StreamEventReaderTests
{
    private static List<List<StreamDelta>> ReadEvents(ApiKind api, string stream)
    {
        var reader = new ProtocolRegistry().Get(api)!.CreateStreamEventReader();
        using var parser = new SseParser();
        var input = new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes(stream));
        var perEvent = new List<List<StreamDelta>>();
        while (parser.TryReadEvent(ref input, out var sseEvent))
        {
            var deltas = new List<StreamDelta>();
            reader.Read(sseEvent, deltas);
            perEvent.Add(deltas);
        }

        return perEvent;
    }

    [Fact]
    public void Read_AnthropicStream_GivesEachEventItsOwnDeltas()
    {
        var events = ReadEvents(ApiKind.AnthropicMessages, AnthropicFixtures.Stream);

        Assert.Equal(AnthropicFixtures.Stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Length, events.Count);
        Assert.Equal([new StreamDelta(StreamDeltaKind.TextDelta, Index: 1, Text: "Hello")], events[7]);
        Assert.Equal([new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, Index: 2, Text: "{\"city\":")], events[12]);
        Assert.Equal([new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: 3, Text: "{}")], events[16]);
        Assert.Empty(events[6]);
        Assert.Equal([new StreamDelta(StreamDeltaKind.Completed)], events[^1]);
    }

    [Fact]
    public void Read_OpenAIChatToolCallChunk_StartsTheCallAtItsIndex()
    {
        var events = ReadEvents(ApiKind.OpenAIChat, OpenAIChatFixtures.Stream);

        Assert.Contains(new StreamDelta(StreamDeltaKind.ToolCallStarted, 0, 1, Id: "call_def", Name: "get_time"), events[5]);
        Assert.Contains(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, 0, 1, "{}"), events[5]);
    }

    [Fact]
    public void Read_OpenAIResponsesTextDelta_CarriesTheOutputIndex()
    {
        var events = ReadEvents(ApiKind.OpenAIResponses, OpenAIResponsesFixtures.Stream);

        Assert.Equal([new StreamDelta(StreamDeltaKind.TextDelta, Index: 1, Text: "Hello")], events[8]);
    }

    [Theory]
    [InlineData(ApiKind.AnthropicMessages, """{"type":"brand_new_event"}""")]
    [InlineData(ApiKind.OpenAIResponses, """{"type":"response.brand_new"}""")]
    [InlineData(ApiKind.OpenAIChat, """{"object":"something.else"}""")]
    public void Read_UnrecognisedEvent_IsReportedAsUnknown(ApiKind api, string data)
    {
        var events = ReadEvents(api, SseText.Build((null, data)));

        Assert.Equal([new StreamDelta(StreamDeltaKind.Unknown)], Assert.Single(events));
    }

    [Fact]
    public void Complete_UnrecognisedEvents_AreCountedInTheSummary()
    {
        var stream = SseText.Typed("""{"type":"brand_new_event"}""") + AnthropicFixtures.Stream;

        var summary = Assembling.Run(ApiKind.AnthropicMessages, Assembling.EventStream, stream);

        Assert.Equal(1, summary.UnknownEvents);
        Assert.Null(summary.Error);
    }
}
