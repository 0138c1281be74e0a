using BenchmarkDotNet.Attributes;
using Cel;
using Gatehouse.Policy.Conditions;
using Gatehouse.Policy.Evaluation;

namespace Gatehouse.Policy.Benchmarks;

/// <summary>One CEL condition on the Cel package's interpreter (baseline) and as compiled closures.</summary>
[MemoryDiagnoser]
public class ConditionBenchmarks
{
    private CelCondition _interpreted = null!;
    private CelCondition _compiled = null!;
    private IDictionary<string, object?> _variables = null!;

    [Params(
        "request.prompt_chars < 200000 && !('contractors' in identity.groups)",
        "tool_calls.exists(t, t.paths.exists(p, p.startsWith('src/')))")]
    public string Expression { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _interpreted = new CelCondition(Expression, new CelEnvironment([], "").Compile(Expression));
        _compiled = new CelCompiler().Compile(Expression, out _, out _, out _)!;
        var document = BenchmarkPolicy.Build(1);
        _variables = new EvaluationScope(BenchmarkPolicy.Response(), new HashSet<string>(document.PathArguments)).CelVariables;
    }

    [Benchmark(Baseline = true)]
    public object Interpreted() => _interpreted.Evaluate(_variables, out _);

    [Benchmark]
    public object Compiled() => _compiled.Evaluate(_variables, out _);
}
