using BenchmarkDotNet.Running;
using Gatehouse.Policy.Benchmarks;

if (args is ["--percentiles", ..])
{
    PercentileRun.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(EvaluationBenchmarks).Assembly).Run(args);
