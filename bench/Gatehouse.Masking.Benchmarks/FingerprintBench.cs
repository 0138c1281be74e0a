using System.Diagnostics;
using System.Text;
using Gatehouse.Masking.Detection;
using Gatehouse.Masking.Redaction;
using Gatehouse.Masking.Rules.Catalog;

namespace Gatehouse.Masking.Benchmarks;

/// <summary>
/// The cost of a fingerprint, old path against new in the same run, each the best of several rounds: 10,000 values
/// (the built-in rules' examples, in turn), then the findings of one secret-dense <c>Mask</c> call.
/// </summary>
internal static class FingerprintBench
{
    private const int Values = 10_000;
    private const int Rounds = 7;
    private const int WarmUps = 40;

    private static readonly byte[] Key = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    public static int Run()
    {
        var examples = BuiltInRules.All.Select(r => r.Example).Where(e => !string.IsNullOrEmpty(e)).ToArray();
        var byBlocks = examples.GroupBy(e => (Encoding.UTF8.GetByteCount(e!) + 9 + 63) / 64).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}");
        Console.WriteLine($"{examples.Length} examples; by SHA-256 blocks after the key block: {string.Join(", ", byBlocks)}");
        Console.WriteLine($"lanes take values of up to {FingerprintBatch.MaxBytes} UTF-8 bytes; widest on this machine: {FingerprintLanesSupport.Best}");

        var builder = new StringBuilder();
        var candidates = new Candidate[Values];
        for (var i = 0; i < Values; i++)
        {
            var example = examples[i % examples.Length]!;
            candidates[i] = new Candidate(builder.Length, example.Length, 0, false);
            builder.Append(example);
        }

        Console.WriteLine($"{Values} rule examples:");
        Compare(builder.ToString(), candidates, oneAtATime: true);

        var dense = Corpus.SecretDense();
        var found = default(PooledList<Candidate>);
        Scanner.Scan(new MaskingEngine(new MaskingOptions()).RuleSet, dense, 0, final: true, ref found);
        var chosen = found.Span[..OverlapResolver.Resolve(found.Span, dense.Length)].ToArray();
        found.Dispose();
        Console.WriteLine($"the {chosen.Length} findings of one secret-dense Mask call ({dense.Length} chars):");
        Compare(dense, chosen, oneAtATime: false);
        return 0;
    }

    private static void Compare(string text, Candidate[] candidates, bool oneAtATime)
    {
        var fingerprints = new string[candidates.Length];
        var platform = new Fingerprinter(Key, FingerprintLanes.None);
        var oldUs = Report("per value, platform HMAC (old)", candidates.Length, () =>
        {
            for (var i = 0; i < candidates.Length; i++)
            {
                fingerprints[i] = platform.FingerprintOne(text.AsSpan(candidates[i].Start, candidates[i].Length));
            }
        });
        var expected = (string[])fingerprints.Clone();
        foreach (var lanes in new[] { FingerprintLanes.Vector256, FingerprintLanes.Vector512 }.Where(FingerprintLanesSupport.IsSupported))
        {
            var fingerprinter = new Fingerprinter(Key, lanes);
            var count = FingerprintLanesSupport.Count(lanes);
            Array.Clear(fingerprints);
            var us = Report($"batch, {count} lanes", candidates.Length, () => fingerprinter.FingerprintMany(text, candidates, fingerprints));
            Console.WriteLine($"    {oldUs / us:F1}x faster than the old path; same fingerprints: {fingerprints.SequenceEqual(expected)}");
            if (oneAtATime)
            {
                Report($"batches of one, {count} lanes", candidates.Length, () =>
                {
                    for (var i = 0; i < candidates.Length; i++)
                    {
                        fingerprints[i] = fingerprinter.Fingerprint(text.AsSpan(candidates[i].Start, candidates[i].Length));
                    }
                });
            }
        }
    }

    private static double Report(string path, int values, Action run)
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

        var perValue = best / values;
        Console.WriteLine($"  {path,-32} {perValue,7:F3} µs per fingerprint, {best / 1000,7:F2} ms in all");
        return perValue;
    }
}
