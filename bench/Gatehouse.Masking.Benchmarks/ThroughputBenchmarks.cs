using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>Whole-text masking throughput; MB/s = text size / mean time (sizes are printed in the setup).</summary>
/// <remarks>Two jobs: server GC, which the gateway runs with (the web SDK's default), and workstation GC, the
/// default of a console tool such as <c>gatehouse scan</c>. A 10 MB text masked into a new string is a large-object
/// allocation per call, so the collector's mode shows in the mean.</remarks>
[MemoryDiagnoser]
[Config(typeof(GcModes))]
public class ThroughputBenchmarks
{
    private MaskingEngine _engine = null!;
    private string _text = "";

    [Params("code", "clean-code", "prose", "secret-dense")]
    public string Corpus { get; set; } = "code";

    [GlobalSetup]
    public void Setup()
    {
        _engine = new MaskingEngine(new MaskingOptions());
        _text = Corpus switch
        {
            "code" => Benchmarks.Corpus.Code(),
            "clean-code" => Benchmarks.Corpus.CleanCode(),
            "prose" => Benchmarks.Corpus.Prose(),
            _ => Benchmarks.Corpus.SecretDense(),
        };
        _copy = new char[_text.Length];
        _buffer = new ArrayBufferWriter<char>(_text.Length * 2);
        Console.WriteLine($"// corpus {Corpus}: {_text.Length} chars, {_engine.Scan(_text).Count} findings");
    }

    private char[] _copy = [];

    private ArrayBufferWriter<char> _buffer = new();

    /// <summary>Baseline: one pass that only copies the text (memory bandwidth on this machine, same run).</summary>
    [Benchmark(Baseline = true)]
    public int Copy()
    {
        _text.AsSpan().CopyTo(_copy);
        return _copy.Length;
    }

    [Benchmark]
    public int Mask() => _engine.Mask(_text).Findings.Count;

    /// <summary>The same masking into a reused output buffer (the overload the streaming redactor writes through): no
    /// new 20 MB string per call, so no large-object allocation and none of the collections it sets off.</summary>
    [Benchmark]
    public int MaskIntoBuffer()
    {
        _buffer.ResetWrittenCount();
        return _engine.Mask(_text, _buffer).Count;
    }

    /// <summary>Detection only: the findings, without building the masked text.</summary>
    [Benchmark]
    public int Scan() => _engine.Scan(_text).Count;

    private sealed class GcModes : ManualConfig
    {
        public GcModes()
        {
            var job = Job.Default.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(8).WithGcForce(false);
            AddJob(job.WithGcServer(true).WithId("server GC"));
            AddJob(job.WithGcServer(false).WithId("workstation GC"));
        }
    }
}
