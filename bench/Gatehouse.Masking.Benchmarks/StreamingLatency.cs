using System.Diagnostics;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>
/// Per-delta latency of the streaming redactor on 20-200 character deltas (p50, p99, max) and the largest holdback.
/// Measured directly with <see cref="Stopwatch"/>: percentiles of single pushes are what matters, not a mean.
/// </summary>
internal static class StreamingLatency
{
    public static int Run()
    {
        var engine = new MaskingEngine(new MaskingOptions());
        foreach (var (name, text) in new[] { ("prose", Corpus.Prose()[..1_000_000]), ("code", Corpus.Code()[..1_000_000]), ("secret-dense", Corpus.SecretDense()[..1_000_000]) })
        {
            Measure(engine, text, warmup: true);
            var (timings, maxHoldback) = Measure(engine, text, warmup: false);
            timings.Sort();
            Console.WriteLine(
                $"{name,-13} deltas={timings.Count,7}  p50={Percentile(timings, 0.50),6:F2} us  p99={Percentile(timings, 0.99),6:F2} us  " +
                $"max={timings[^1],8:F1} us  max-holdback={maxHoldback} chars (cap {engine.Options.StreamingHoldbackCap})");
        }

        return 0;
    }

    private static (List<double> Timings, int MaxHoldback) Measure(MaskingEngine engine, string text, bool warmup)
    {
        var timings = new List<double>(text.Length / 100);
        var output = new System.Buffers.ArrayBufferWriter<char>(4096);
        using var redactor = engine.CreateStreamingRedactor();
        var state = 12345u;
        var pos = 0;
        while (pos < text.Length)
        {
            state = (state * 1664525) + 1013904223;
            var size = Math.Min(20 + (int)(state % 181), text.Length - pos);
            var start = Stopwatch.GetTimestamp();
            redactor.Push(text.AsSpan(pos, size), output);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (!warmup)
            {
                timings.Add(elapsed.TotalMicroseconds);
            }

            output.ResetWrittenCount();
            pos += size;
        }

        redactor.Flush(output);
        return (timings, redactor.MaxHoldback);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];
}
