using BenchmarkDotNet.Running;
using Gatehouse.Gateway.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(RequestPathBenchmarks).Assembly).Run(args);
