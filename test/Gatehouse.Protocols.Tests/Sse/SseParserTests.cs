using System.Text;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.Protocols.Tests.Sse;

public sealed class SseParserTests
{
    private static List<SseTestEvent> Parse(string text) => SseTestEvent.ParseAll(Encoding.UTF8.GetBytes(text)).Events;

    [Fact]
    public void TryReadEvent_EventAndDataFields_DispatchesOnBlankLine()
    {
        var events = Parse("event: ping\ndata: {\"a\":1}\n\ndata: second\n\n");

        Assert.Equal([new SseTestEvent("ping", "{\"a\":1}", ""), new SseTestEvent("", "second", "")], events);
    }

    [Theory]
    [InlineData("data: x\r\n\r\n")]
    [InlineData("data: x\r\r")]
    [InlineData("data: x\n\n")]
    [InlineData("data: x\r\n\n")]
    [InlineData("data: x\n\r")]
    public void TryReadEvent_AnyLineEnding_EndsLines(string text)
    {
        Assert.Equal([new SseTestEvent("", "x", "")], Parse(text));
    }

    [Fact]
    public void TryReadEvent_MultipleDataLines_JoinsWithLineFeed()
    {
        Assert.Equal("a\nb\n\nc", Assert.Single(Parse("data: a\ndata:b\ndata\ndata: c\n\n")).Data);
    }

    [Fact]
    public void TryReadEvent_OnlyOneSpaceAfterColon_IsDropped()
    {
        Assert.Equal("  two", Assert.Single(Parse("data:   two\n\n")).Data);
    }

    [Fact]
    public void TryReadEvent_CommentsAndUnknownFields_AreIgnored()
    {
        var events = Parse(": heartbeat\n:\nfoo: bar\nbaz\ndata: kept\n\n: trailing\n\n");

        Assert.Equal([new SseTestEvent("", "kept", "")], events);
    }

    [Fact]
    public void TryReadEvent_EventWithoutData_IsNotDispatchedAndTypeResets()
    {
        var events = Parse("event: lonely\n\ndata: x\n\n");

        Assert.Equal([new SseTestEvent("", "x", "")], events);
    }

    [Fact]
    public void TryReadEvent_EmptyDataField_DispatchesEmptyData()
    {
        Assert.Equal([new SseTestEvent("", "", "")], Parse("data\n\n"));
    }

    [Fact]
    public void TryReadEvent_Id_PersistsAcrossEventsAndIgnoresNul()
    {
        var events = Parse("id: 7\ndata: a\n\nid: 8\0\ndata: b\n\nid\ndata: c\n\n");

        Assert.Equal(["7", "7", ""], events.Select(e => e.Id));
    }

    [Fact]
    public void TryReadEvent_Retry_KeepsOnlyDigits()
    {
        using var parser = new SseParser();
        var input = new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes("retry: 1500\nretry: 12a\nretry:\n"));

        Assert.False(parser.TryReadEvent(ref input, out _));
        Assert.Equal(1500, parser.RetryMilliseconds);
    }

    [Fact]
    public void TryReadEvent_LeadingBom_IsSkippedOnlyAtStart()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("data: x\n\n")).ToArray();
        var split = SseTestEvent.ParseAll(bytes, [1, 2]).Events;

        Assert.Equal([new SseTestEvent("", "x", "")], split);
        Assert.Empty(Parse("\uFEFF\uFEFFdata: x\n\n"));
    }

    [Fact]
    public void TryReadEvent_CrLfSplitAcrossChunks_CountsAsOneLineEnding()
    {
        var bytes = Encoding.UTF8.GetBytes("data: a\r\ndata: b\r\n\r\n");
        var crAt = Array.IndexOf(bytes, (byte)'\r') + 1;

        var (events, error) = SseTestEvent.ParseAll(bytes, [crAt, bytes.Length - 1]);

        Assert.Null(error);
        Assert.Equal([new SseTestEvent("", "a\nb", "")], events);
    }

    [Fact]
    public void TryReadEvent_LineLongerThanLimit_FaultsAndStops()
    {
        var bytes = Encoding.UTF8.GetBytes("data: " + new string('x', 100) + "\n\ndata: after\n\n");

        var (events, error) = SseTestEvent.ParseAll(bytes, Chunking.EveryByte(bytes.Length), maxEventBytes: 64);

        Assert.Empty(events);
        Assert.Contains("exceeds 64 bytes", error);
    }

    [Fact]
    public void TryReadEvent_DataAcrossLinesLongerThanLimit_Faults()
    {
        var line = "data: " + new string('x', 30) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line + line + line + "\n");

        var (events, error) = SseTestEvent.ParseAll(bytes, maxEventBytes: 64);

        Assert.Empty(events);
        Assert.NotNull(error);
    }

    [Fact]
    public void HasPendingEvent_StreamCutMidEvent_IsTrue()
    {
        using var parser = new SseParser();
        var input = new ReadOnlySpan<byte>(Encoding.UTF8.GetBytes("data: a\n\ndata: b\n"));

        Assert.True(parser.TryReadEvent(ref input, out _));
        Assert.False(parser.TryReadEvent(ref input, out _));
        Assert.True(parser.HasPendingEvent);
    }
}
