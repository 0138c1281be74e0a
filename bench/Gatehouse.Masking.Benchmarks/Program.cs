using BenchmarkDotNet.Running;
using Gatehouse.Masking.Benchmarks;

if (args.Contains("--detection"))
{
    return DetectionReport.Run(args);
}

if (args.Contains("--precision"))
{
    return PrecisionReport.Run(args);
}

if (args.Contains("--profile"))
{
    return Profile.Run();
}

if (args.Contains("--fingerprints"))
{
    return FingerprintBench.Run();
}

if (args.Contains("--latency"))
{
    return StreamingLatency.Run();
}

BenchmarkSwitcher.FromAssembly(typeof(ThroughputBenchmarks).Assembly).Run(args);
return 0;
