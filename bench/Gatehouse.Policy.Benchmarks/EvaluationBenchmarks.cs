using BenchmarkDotNet.Attributes;
using Gatehouse.Policy.Context;

namespace Gatehouse.Policy.Benchmarks;

[MemoryDiagnoser]
public class EvaluationBenchmarks
{
    private PolicyEvaluator _one = null!;
    private PolicyEvaluator _large = null!;
    private PolicyContext _request = null!;
    private PolicyContext _response = null!;

    [GlobalSetup]
    public void Setup()
    {
        _one = new PolicyEvaluator(BenchmarkPolicy.Build(1));
        _large = new PolicyEvaluator(BenchmarkPolicy.Build(BenchmarkPolicy.RuleCount));
        _request = BenchmarkPolicy.Request();
        _response = BenchmarkPolicy.Response();
    }

    [Benchmark(Baseline = true)]
    public PolicyDecision OneRule_Request() => _one.Evaluate(_request);

    [Benchmark]
    public PolicyDecision Rules200_Request() => _large.Evaluate(_request);

    [Benchmark]
    public PolicyDecision Rules200_ResponseWithToolCalls() => _large.Evaluate(_response);
}
