using BenchmarkDotNet.Running;
using Gatehouse.Protocols.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(StreamAssemblyBenchmarks).Assembly).Run(args);
