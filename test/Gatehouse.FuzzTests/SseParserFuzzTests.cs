using System.Text;
using CsCheck;
using Gatehouse.Testing;
using Gatehouse.Protocols.Sse;

namespace Gatehouse.FuzzTests;

public sealed class SseParserFuzzTests
{
    private static readonly Gen<byte[]> Streams = Mutations.Of(
        "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}]}\n\ndata: [DONE]\n\n",
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"delta\":{\"text\":\"x\"}}\n\n",
        ": ping\r\nid: 7\r\nretry: 100\r\ndata: a\r\ndata: b\r\n\r\n",
        "\uFEFFdata:no-space\rdata\r\r");

    [Fact]
    public Task Parse_AnyBytesInAnyChunking_NeverThrowsAndMatchesTheWholeParse() => FuzzBudget.RunAsync(() =>
        Gen.Select(Streams, Mutations.Splits).ForAll((bytes, splits) => FuzzBudget.Timed(() =>
        {
            var whole = Parse([bytes]);
            var pieces = new List<byte[]>();
            Mutations.Chunked(bytes, splits, pieces.Add);

            Assert.Equal(whole, Parse(pieces));
        }), FuzzBudget.Inputs(5_000)));

    [Fact]
    public Task Parse_LinesBeyondTheLimit_FaultTheParserInsteadOfGrowing() => FuzzBudget.RunAsync(() =>
        Gen.Select(Gen.Int[17, 200], Gen.Int[0, 600]).ForAll((limit, length) => FuzzBudget.Timed(() =>
        {
            using var parser = new SseParser(limit);
            ReadOnlySpan<byte> input = Encoding.UTF8.GetBytes("data: " + new string('x', length) + "\n\n");
            var events = 0;
            while (parser.TryReadEvent(ref input, out var e))
            {
                Assert.True(e.Data.Length <= limit);
                events++;
            }

            Assert.Equal(length + 6 > limit, parser.Error is not null);
            Assert.Equal(parser.Error is null ? 1 : 0, events);
        }), FuzzBudget.Inputs(5_000)));

    private static List<string> Parse(IEnumerable<byte[]> chunks)
    {
        using var parser = new SseParser(256);
        var events = new List<string>();
        foreach (var chunk in chunks)
        {
            ReadOnlySpan<byte> input = chunk;
            while (parser.TryReadEvent(ref input, out var e))
            {
                events.Add($"{Encoding.UTF8.GetString(e.EventType.Span)}|{Encoding.UTF8.GetString(e.Data.Span)}|{Encoding.UTF8.GetString(e.LastEventId.Span)}");
            }
        }

        events.Add($"error={parser.Error is not null} pending={parser.HasPendingEvent} comments={parser.Comments} retry={parser.RetryMilliseconds}");
        return events;
    }
}
