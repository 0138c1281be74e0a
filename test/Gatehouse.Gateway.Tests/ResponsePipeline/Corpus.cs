using Gatehouse.Masking;
using Gatehouse.Protocols.Holding;

namespace Gatehouse.Gateway.Tests.ResponsePipeline;

/// <summary>The frozen equivalence corpus: its cases, the engine and bounds they ran with, and the recorded outcomes.</summary>
internal static class Corpus
{
    public const int Cases = 600;
    public const int MaxHeldBytes = 1 << 20;
    public const int TextCapChars = 65_536;
    public const string FileName = "response-pipeline-corpus.jsonl";

    public static readonly RefusalContent Refusal = new("refused for the corpus", "corpus", "gpt-test", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));

    public static MaskingEngine Engine() => new(new MaskingOptions
    {
        FingerprintKey = new byte[32],
        CustomRules = [new CustomRuleOptions { Id = "acme-token", Pattern = "acme_[a-z0-9]{32}", Keywords = ["acme_"] }],
    });

    /// <summary>Reads the recorded outcome of each seed, as its JSON line.</summary>
    public static IReadOnlyList<string> Recorded()
        => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "ResponsePipeline", FileName));
}
