using System.Diagnostics;
using System.Globalization;
using Gatehouse.Policy.Context;

namespace Gatehouse.Policy.Benchmarks;

/// <summary>Times single evaluations to report the tail (BenchmarkDotNet reports means and P95 of batched runs).</summary>
internal static class PercentileRun
{
    public static void Run(int iterations)
    {
        var evaluator = new PolicyEvaluator(BenchmarkPolicy.Build(BenchmarkPolicy.RuleCount));
        Report("200 rules, request", evaluator, BenchmarkPolicy.Request(), iterations);
        Report("200 rules, response with tool calls", evaluator, BenchmarkPolicy.Response(), iterations);
    }

    private static void Report(string label, PolicyEvaluator evaluator, PolicyContext context, int iterations)
    {
        var decision = evaluator.Evaluate(context);
        for (var i = 0; i < iterations / 10; i++)
        {
            evaluator.Evaluate(context);
        }

        var samples = new double[iterations];
        for (var i = 0; i < iterations; i++)
        {
            var start = Stopwatch.GetTimestamp();
            evaluator.Evaluate(context);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: effect={decision.Effect} matched={decision.Trail.Count} n={iterations} " +
            $"p50={At(samples, 0.50):F2}us p90={At(samples, 0.90):F2}us p99={At(samples, 0.99):F2}us p99.9={At(samples, 0.999):F2}us"));
    }

    private static double At(double[] sorted, double quantile) => sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)];
}
