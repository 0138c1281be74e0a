using Gatehouse.Protocols.Streaming;

namespace Gatehouse.Protocols.Tests.Responses;

public sealed class SummaryBuilderTests
{
    [Fact]
    public void Build_ToolArgumentsBeyondTheirBudget_ReportsErrorRatherThanCutSilently()
    {
        var builder = new SummaryBuilder(maxTextChars: 100, maxArgumentChars: 10);
        builder.Apply(new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: 0, Id: "c1", Name: "write"));
        builder.Apply(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, Index: 0, Text: "{\"a\":"));
        builder.Apply(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, Index: 0, Text: "\"0123456789\"}"));
        builder.Apply(new StreamDelta(StreamDeltaKind.Completed));

        Assert.Equal("tool call arguments exceed the inspected size", builder.Build(requireCompletion: true).Error);
    }

    [Fact]
    public void Build_ArgumentsDoneAfterDeltas_ReplacesRatherThanDoubles()
    {
        var builder = new SummaryBuilder(maxTextChars: 100, maxArgumentChars: 20);
        builder.Apply(new StreamDelta(StreamDeltaKind.ToolCallStarted, Index: 3, Id: "c1", Name: "f"));
        builder.Apply(new StreamDelta(StreamDeltaKind.ToolArgumentsDelta, Index: 3, Text: "{\"x\":1}"));
        builder.Apply(new StreamDelta(StreamDeltaKind.ToolArgumentsDone, Index: 3, Text: "{\"x\":1}"));

        var summary = builder.Build(requireCompletion: false);

        Assert.Equal(new ToolCall("c1", "f", "{\"x\":1}"), Assert.Single(summary.ToolCalls));
        Assert.Null(summary.Error);
    }

    [Fact]
    public void Build_SeveralChoices_JoinsTheirTextsInChoiceOrderWithinOneBudget()
    {
        var builder = new SummaryBuilder(maxTextChars: 6);
        builder.Apply(new StreamDelta(StreamDeltaKind.TextDelta, Choice: 1, Text: "bb"));
        builder.Apply(new StreamDelta(StreamDeltaKind.TextDelta, Choice: 0, Text: "aa"));
        builder.Apply(new StreamDelta(StreamDeltaKind.TextDelta, Choice: 1, Text: "BBBB"));

        var summary = builder.Build(requireCompletion: false);

        Assert.Equal("aa\nbbBB", summary.Text);
        Assert.True(summary.TextTruncated);
    }

    [Fact]
    public void Build_PartialUsageReports_MergeAndAddUpTheTotal()
    {
        var builder = new SummaryBuilder(maxTextChars: 10);
        builder.Apply(new StreamDelta(StreamDeltaKind.Usage, Usage: new TokenUsage(25, 1, null)));
        builder.Apply(new StreamDelta(StreamDeltaKind.Usage, Usage: new TokenUsage(null, 89, null)));

        Assert.Equal(new TokenUsage(25, 89, 114), builder.Build(requireCompletion: false).Usage);
    }

    [Fact]
    public void Build_FirstErrorWins()
    {
        var builder = new SummaryBuilder(maxTextChars: 10);
        builder.Apply(StreamDelta.Failure("upstream reported an error event"));

        Assert.Equal("upstream reported an error event", builder.Build(requireCompletion: true).Error);
    }
}
