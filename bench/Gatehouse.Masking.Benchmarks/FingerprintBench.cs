using System.Diagnostics;
using System.Text;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>
/// The cost of a fingerprint: 10,000 values (the built-in rules' examples, in turn) through the platform's HMAC one at
/// a time, then through the vector lanes, each the best of several rounds in the same run.
/// </summary>
internal static class FingerprintBench
{
    private const int Values = 10_000;
    private const int Rounds = 7;
    private const int WarmUps = 40;

    public static int Run()
    {
        var examples = BuiltInRules.All.Select(r => r.Example).Where(e => !string.IsNullOrEmpty(e)).ToArray();
        var builder = new StringBuilder();
        var candidates = new Candidate[Values];
        for (var i = 0; i < Values; i++)
        {
            var example = examples[i % examples.Length]!;
            candidates[i] = new Candidate(builder.Length, example.Length, 0, false);
            builder.Append(example);
        }

        var text = builder.ToString();
        var fingerprints = new string[Values];
        var key = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
        var platform = new Fingerprinter(key, FingerprintLanes.None);
        var byBlocks = examples.GroupBy(e => (Encoding.UTF8.GetByteCount(e!) + 9 + 63) / 64).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        Console.WriteLine($"{examples.Length} examples; by SHA-256 blocks after the key block: {string.Join(", ", byBlocks)}");
        Console.WriteLine($"lanes take values of up to {FingerprintBatch.MaxBytes} UTF-8 bytes; widest on this machine: {FingerprintLanesSupport.Best}");
        var oldUs = Report("per value, platform HMAC (old)", () =>
        {
            for (var i = 0; i < Values; i++)
            {
                fingerprints[i] = platform.FingerprintOne(text.AsSpan(candidates[i].Start, candidates[i].Length));
            }
        });
        var expected = (string[])fingerprints.Clone();
        foreach (var lanes in new[] { FingerprintLanes.Vector256, FingerprintLanes.Vector512 }.Where(FingerprintLanesSupport.IsSupported))
        {
            var fingerprinter = new Fingerprinter(key, lanes);
            Array.Clear(fingerprints);
            var us = Report($"batch, {FingerprintLanesSupport.Count(lanes)} lanes", () => fingerprinter.FingerprintMany(text, candidates, fingerprints));
            Console.WriteLine($"    {oldUs / us:F1}x faster than the old path; same fingerprints: {fingerprints.SequenceEqual(expected)}");
            Report($"one at a time, {FingerprintLanesSupport.Count(lanes)} lanes", () =>
            {
                for (var i = 0; i < Values; i++)
                {
                    fingerprints[i] = fingerprinter.Fingerprint(text.AsSpan(candidates[i].Start, candidates[i].Length));
                }
            });
        }

        return 0;
    }

    private static double Report(string path, Action run)
    {
        // Enough calls for the tiered JIT to reach its optimised code.
        for (var i = 0; i < WarmUps; i++)
        {
            run();
        }

        var best = double.MaxValue;
        for (var round = 0; round < Rounds; round++)
        {
            var start = Stopwatch.GetTimestamp();
            run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        var perValue = best / Values;
        Console.WriteLine($"  {path,-36} {perValue,7:F3} µs per fingerprint");
        return perValue;
    }
}
