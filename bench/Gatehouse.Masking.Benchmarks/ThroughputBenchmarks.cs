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
        _copy = new char[_text.Length];
        Console.WriteLine($"// corpus {Corpus}: {_text.Length} chars, {_engine.Scan(_text).Count} findings");
    }

    private char[] _copy = [];

    /// <summary>Baseline: one pass that only copies the text (memory bandwidth on this machine, same run).</summary>
    [Benchmark(Baseline = true)]
    public int Copy()
    {
        _text.AsSpan().CopyTo(_copy);
        return _copy.Length;
    }

    [Benchmark]
    public int Mask() => _engine.Mask(_text).Findings.Count;
}
