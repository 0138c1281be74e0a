namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>
/// The masked-event corpus: streams of every API in which masking edits every field the capture and the hold read
/// (<see cref="EditedStreamText"/>), cut at random, with no hold, a tool-call hold or a whole hold. Its outcomes were
/// recorded with the pipeline that re-parsed each rewritten event, before the reader took the rewriter's parse.
/// </summary>
internal static class EditedCorpus
{
    public const int Cases = 400;
    public const string FileName = "response-pipeline-edited-corpus.jsonl";

    /// <summary>Regenerates case <paramref name="seed"/>; the same seed gives the same case on every machine.</summary>
    public static PipelineCase Generate(int seed)
    {
        var random = new SplitMix((ulong)seed * 104_729UL + 31UL);
        var api = EditedStreamText.Apis[seed % EditedStreamText.Apis.Length];
        var hold = (HoldMode)random.Below(3);
        var bytes = System.Text.Encoding.UTF8.GetBytes(EditedStreamText.For(api, random));

        // A quarter of the cases are cut into many small chunks, so that events straddle chunks and a chunk ends many.
        var count = random.Chance(25) ? bytes.Length / (1 + random.Below(16)) : random.Below(40);
        var splits = Enumerable.Range(0, count).Select(_ => random.Below(bytes.Length + 1)).Order().ToArray();
        return new PipelineCase(seed, api, Stream: true, Masked: true, hold, bytes, splits);
    }

    /// <summary>Reads the recorded outcome of each seed, as its JSON line.</summary>
    public static IReadOnlyList<string> Recorded()
        => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ResponsePipeline", FileName));
}
