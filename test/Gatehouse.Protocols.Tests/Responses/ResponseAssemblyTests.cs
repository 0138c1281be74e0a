using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Responses;

public sealed class ResponseAssemblyTests
{
    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_DocumentedStream_YieldsTextToolCallsUsageAndReason(ApiKind api)
    {
        var (stream, _, expected) = ResponseFixtures.For(api);

        Assert.Equal(expected, Describe(Run(api, "text/event-stream; charset=utf-8", stream)));
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_DocumentedBody_YieldsTheSameSummaryAsTheStream(ApiKind api)
    {
        var (_, body, expected) = ResponseFixtures.For(api);

        Assert.Equal(expected, Describe(Run(api, JsonType, body)));
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_StreamWithCrLfAndComments_YieldsTheSameSummary(ApiKind api)
    {
        var (stream, _, expected) = ResponseFixtures.For(api);
        var variant = ": keep-alive\r\n\r\n" + stream.Replace("\n", "\r\n", StringComparison.Ordinal);

        Assert.Equal(expected, Describe(Run(api, EventStream, variant)));
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_StreamCutBeforeItsFinalEvent_ReportsError(ApiKind api)
    {
        var (stream, _, _) = ResponseFixtures.For(api);
        var cut = stream[..stream.LastIndexOf("data:", StringComparison.Ordinal)];

        var summary = Run(api, EventStream, cut);

        Assert.Equal("stream ended before its final event", summary.Error);
        Assert.StartsWith("Hello", summary.Text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_NotComplete_ReportsErrorEvenAfterTheFinalEvent(ApiKind api)
    {
        var (stream, body, _) = ResponseFixtures.For(api);

        Assert.Equal("stream ended before its final event", Run(api, EventStream, stream, complete: false).Error);
        Assert.NotNull(Run(api, JsonType, body, complete: false).Error);
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_EventDataNotJson_ReportsMalformedEvent(ApiKind api)
    {
        var (stream, _, _) = ResponseFixtures.For(api);

        Assert.Equal("malformed SSE event: data is not valid JSON", Run(api, EventStream, "data: {not json\n\n" + stream).Error);
        Assert.Equal("malformed SSE event: data is not a JSON object", Run(api, EventStream, "data: [1]\n\n" + stream).Error);
        Assert.Equal(
            "malformed SSE event: data has duplicate property names",
            Run(api, EventStream, "data: {\"type\":\"a\",\"type\":\"b\"}\n\n" + stream).Error);
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_BodyNotJson_ReportsError(ApiKind api)
    {
        var (_, body, _) = ResponseFixtures.For(api);

        Assert.Equal("response body is not valid JSON", Run(api, JsonType, body[..^10]).Error);
        Assert.Equal("response body is not valid JSON", Run(api, JsonType, "<html>502</html>").Error);
    }

    [Theory]
    [MemberData(nameof(ResponseFixtures.Apis), MemberType = typeof(ResponseFixtures))]
    public void Complete_TextBeyondCap_IsCutAndFlagged(ApiKind api)
    {
        var (stream, body, _) = ResponseFixtures.For(api);

        foreach (var summary in new[] { Run(api, EventStream, stream, maxTextChars: 8), Run(api, JsonType, body, maxTextChars: 8) })
        {
            Assert.Equal("Hello, w", summary.Text);
            Assert.True(summary.TextTruncated);
            Assert.Null(summary.Error);
        }
    }

    [Fact]
    public void Complete_CapInsideSurrogatePair_DoesNotSplitIt()
    {
        var summary = Run(ApiKind.OpenAIChat, JsonType, OpenAIChatFixtures.Body, maxTextChars: 14);

        Assert.Equal("Hello, wörld ", summary.Text);
        Assert.True(summary.TextTruncated);
    }

    [Fact]
    public void Complete_JsonBodyBeyondBound_ReportsErrorAndStopsKeeping()
    {
        var assembler = new ProtocolRegistry(maxJsonBodyBytes: 64).Get(ApiKind.OpenAIChat)!.CreateResponseAssembler(JsonType);
        assembler.Append(System.Text.Encoding.UTF8.GetBytes(OpenAIChatFixtures.Body));

        var summary = assembler.Complete(true);

        Assert.Equal("response body exceeds 64 bytes and was not inspected", summary.Error);
        Assert.Equal("", summary.Text);
    }

    [Fact]
    public void Complete_CalledTwice_ReturnsTheSameSummary()
    {
        var assembler = new ProtocolRegistry().Get(ApiKind.OpenAIChat)!.CreateResponseAssembler(EventStream);
        assembler.Append(System.Text.Encoding.UTF8.GetBytes(OpenAIChatFixtures.Stream));

        Assert.Same(assembler.Complete(true), assembler.Complete(false));
    }
}
