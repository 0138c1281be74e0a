using System.Text;
using CsCheck;
using Gatehouse.Testing;

namespace Gatehouse.Protocols.Tests.Sse;

public sealed class SseParserProperties
{
    private static readonly string[] Lines =
    [
        "data: {\"a\":1}", "data:x", "data", "event: delta", "event:", "id: 42", "id", "retry: 10", ": ping", ":",
        "foo: bar", "", "", "data: é ü 🙂", "\uFEFFdata: bom",
    ];

    private static readonly string[] Endings = ["\n", "\r\n", "\r"];

    private static readonly Gen<byte[]> Streams =
        Gen.Select(Gen.OneOf(Lines), Gen.OneOf(Endings)).Array[0, 30]
            .Select(lines => Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l.Item1 + l.Item2))));

    [Fact]
    public void TryReadEvent_AnyChunking_YieldsTheSameEvents()
    {
        Gen.Select(Streams, Gen.Int[0, 1_000_000].Array[0, 40]).ForAll((bytes, seeds) =>
        {
            var whole = SseTestEvent.ParseAll(bytes);
            var split = SseTestEvent.ParseAll(bytes, seeds.Select(s => bytes.Length == 0 ? 0 : s % (bytes.Length + 1)));
            var bytewise = SseTestEvent.ParseAll(bytes, Chunking.EveryByte(bytes.Length));

            Assert.Equal(whole.Events, split.Events);
            Assert.Equal(whole.Events, bytewise.Events);
        }, iter: 2000);
    }

    [Fact]
    public void TryReadEvent_RandomBytes_NeverThrowsAndStaysBounded()
    {
        Gen.Select(Gen.Byte.Array[0, 600], Chunking.Splits(600)).ForAll((bytes, splits) =>
        {
            var (events, _) = SseTestEvent.ParseAll(bytes, splits, maxEventBytes: 128);

            Assert.All(events, e => Assert.True(e.Data.Length <= 128));
        }, iter: 2000);
    }
}
