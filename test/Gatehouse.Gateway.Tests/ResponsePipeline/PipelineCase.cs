using Gatehouse.Protocols;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>What is held of a response for review in one case.</summary>
internal enum HoldMode
{
    None,
    ToolCalls,
    Whole,
}

/// <summary>
/// One seeded case of the response-pipeline equivalence corpus: an API's response (a stream or a JSON body) with
/// secrets in its text and tool arguments, how it is chunked on the wire, and what the connection does with it.
/// </summary>
internal sealed record PipelineCase(int Seed, ApiKind Api, bool Stream, bool Masked, HoldMode Hold, byte[] Body, int[] Splits)
{
    public string ContentType => Stream ? "text/event-stream" : "application/json";

    /// <summary>Regenerates case <paramref name="seed"/>; the same seed gives the same case on every machine.</summary>
    public static PipelineCase Generate(int seed)
    {
        var random = new SplitMix((ulong)seed * 7919UL + 17UL);
        ApiKind[] apis = [ApiKind.OpenAIChat, ApiKind.OpenAIResponses, ApiKind.AnthropicMessages];
        var api = apis[seed % 3];
        var stream = random.Chance(80);
        var masked = random.Chance(70);
        var hold = (HoldMode)random.Below(3);
        var body = stream ? StreamText.For(api, random) : BodyText.For(api, random);
        var bytes = System.Text.Encoding.UTF8.GetBytes(body);
        var splits = Enumerable.Range(0, random.Below(40)).Select(_ => random.Below(bytes.Length + 1)).Order().ToArray();
        return new PipelineCase(seed, api, stream, masked, hold, bytes, splits);
    }

    /// <summary>Returns the body cut at <see cref="Splits"/>: anywhere, inside UTF-8 sequences and SSE lines too.</summary>
    public IEnumerable<ReadOnlyMemory<byte>> Chunks()
    {
        var start = 0;
        foreach (var split in Splits.Append(Body.Length))
        {
            if (split > start)
            {
                yield return Body.AsMemory(start, split - start);
                start = split;
            }
        }
    }
}
