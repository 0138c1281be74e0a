using BenchmarkDotNet.Attributes;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>Whole-text masking throughput; MB/s = text size / mean time (sizes are printed in the setup).</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class ThroughputBenchmarks
{
    private MaskingEngine _engine = null!;
    private string _text = "";

    [Params("code", "prose", "secret-dense")]
    public string Corpus { get; set; } = "code";

    [GlobalSetup]
    public void Setup()
    {
        _engine = new MaskingEngine(new MaskingOptions());
        _text = Corpus switch
        {
            "code" => Benchmarks.Corpus.Code(),
            "prose" => Benchmarks.Corpus.Prose(),
            _ => Benchmarks.Corpus.SecretDense(),
        };
        Console.WriteLine($"// corpus {Corpus}: {_text.Length} chars, {_engine.Scan(_text).Count} findings");
    }

    [Benchmark]
    public int Mask() => _engine.Mask(_text).Findings.Count;
}
