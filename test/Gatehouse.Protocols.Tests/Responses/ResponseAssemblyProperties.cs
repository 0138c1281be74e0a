using System.Text;
using CsCheck;
using Gatehouse.Testing;
using static Gatehouse.Protocols.Tests.Responses.Assembling;

namespace Gatehouse.Protocols.Tests.Responses;

public sealed class ResponseAssemblyProperties
{
    private static readonly ApiKind[] Apis = [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages, ApiKind.OpenAICompletions];

    [Fact]
    public void Complete_AnyChunkingOfAStream_YieldsTheSameSummary()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Bool, Gen.Int[0, 1_000_000].Array[0, 60]).ForAll((api, crlf, seeds) =>
        {
            var (stream, _, expected) = ResponseFixtures.For(api);
            var bytes = Encoding.UTF8.GetBytes(crlf ? stream.Replace("\n", "\r\n", StringComparison.Ordinal) : stream);

            var summary = Run(api, EventStream, bytes, seeds.Select(s => s % (bytes.Length + 1)));

            Assert.Equal(expected, Describe(summary));
        }, iter: 300);
    }

    [Fact]
    public void Complete_AnyChunkingOfABody_YieldsTheSameSummary()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Int[0, 1_000_000].Array[0, 30]).ForAll((api, seeds) =>
        {
            var (_, body, expected) = ResponseFixtures.For(api);
            var bytes = Encoding.UTF8.GetBytes(body);

            Assert.Equal(expected, Describe(Run(api, JsonType, bytes, seeds.Select(s => s % (bytes.Length + 1)))));
        }, iter: 200);
    }

    [Fact]
    public void Complete_RandomBytes_NeverThrowAndReportError()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Bool, Gen.Byte.Array[0, 400], Chunking.Splits(400)).ForAll((api, sse, bytes, splits) =>
        {
            var summary = Run(api, sse ? EventStream : JsonType, bytes, splits);

            Assert.NotNull(summary.Error);
        }, iter: 1000);
    }

    [Fact]
    public void Complete_StreamCutAnywhere_ReportsErrorAndNeverThrows()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Int[0, 1_000_000]).ForAll((api, seed) =>
        {
            var (stream, _, _) = ResponseFixtures.For(api);
            var bytes = Encoding.UTF8.GetBytes(stream);
            var cut = bytes[..(seed % (bytes.Length - 2))];

            Assert.Equal("stream ended before its final event", Run(api, EventStream, cut).Error);
        }, iter: 300);
    }

    [Fact]
    public void Complete_EventsShuffledOrDropped_NeverThrow()
    {
        Gen.Select(Gen.OneOf(Apis), Gen.Int[0, 1_000].Array[0, 40]).ForAll((api, picks) =>
        {
            var (stream, _, _) = ResponseFixtures.For(api);
            var events = stream.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
            var mixed = string.Concat(picks.Select(p => events[p % events.Length] + "\n\n"));

            _ = Run(api, EventStream, mixed);
        }, iter: 300);
    }
}
