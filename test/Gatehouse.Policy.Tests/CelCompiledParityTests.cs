using Cel;
using Gatehouse.Policy.Conditions;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;

namespace Gatehouse.Policy.Tests;

/// <summary>The compiled closures must agree with the Cel package's own interpreter on every supported construct.</summary>
public sealed class CelCompiledParityTests
{
    private static readonly IDictionary<string, object?> Variables = CelVariableBuilder.Build(new EvaluationScope(
        TestPolicies.Exchange(groups: ["dev", "oncall"]) with
        {
            PromptChars = 1500,
            Findings = [new PolicyFinding("aws-key", "cloud-credential", PolicyDirection.Response)],
            ToolCalls = [new PolicyToolCall("Edit", """{"file_path":"src/auth/a.cs","n":2,"ratio":0.5,"tags":["x","y"]}""")],
            Grants = ["prod", "staging"],
        },
        new HashSet<string>(PolicyDocument.DefaultPathArguments)));

    [Theory]
    [InlineData("identity.subject == 'alice' && connection != 'prod'")]
    [InlineData("'oncall' in identity.groups || false")]
    [InlineData("!('x' in grants)")]
    [InlineData("request.prompt_chars * 2 - 1 > 2998")]
    [InlineData("request.prompt_chars / 7 == 214 && request.prompt_chars % 7 == 2")]
    [InlineData("-request.prompt_chars < 0")]
    [InlineData("request.prompt_chars > 1000.5")]
    [InlineData("size(grants) == 2 && grants.size() == 2 && size('héllo') == 5")]
    [InlineData("model.startsWith('gpt') && model.endsWith('4o') && model.contains('-')")]
    [InlineData("model.matches('^gpt-[0-9]+o$')")]
    [InlineData("grants.exists(g, g == 'prod') && grants.all(g, g.size() > 3)")]
    [InlineData("grants.exists_one(g, g.startsWith('s'))")]
    [InlineData("grants.filter(g, g != 'prod') == ['staging']")]
    [InlineData("grants.map(g, g + '!') == ['prod!', 'staging!']")]
    [InlineData("tool_calls.exists(t, t.paths.exists(p, p.startsWith('src/auth')))")]
    [InlineData("tool_calls[0].arguments.n == 2 && tool_calls[0].arguments.tags[1] == 'y'")]
    [InlineData("tool_calls[0].arguments.ratio < 1.0")]
    [InlineData("has(tool_calls[0].arguments.n) && !has(tool_calls[0].arguments.missing)")]
    [InlineData("findings.exists(f, f.direction == 'response' && f.category == 'cloud-credential')")]
    [InlineData("time.getHours() == 10 && time.getDayOfWeek() == 1 && time.getMonth() == 2 && time.getDate() == 2")]
    [InlineData("time < timestamp('2026-03-02T10:00:01Z') && time > timestamp('2026-03-01T00:00:00Z')")]
    [InlineData("request.prompt_chars > 100 ? model == 'gpt-4o' : false")]
    [InlineData("[1, 2, 3] == [1, 2, 3] && 2 in [1, 2, 3]")]
    [InlineData("string(request.prompt_chars) == '1500' && int('42') == 42 && double(1) == 1.0")]
    [InlineData("'a' + 'b' == 'ab' && [1] + [2] == [1, 2]")]
    [InlineData("1 == 1.0 && 2 > 1.5")]
    [InlineData("true && (false || !false)")]
    public void Evaluate_SupportedExpression_CompiledAgreesWithInterpreter(string expression)
    {
        var compiled = new CelCompiler().Compile(expression, out var error, out _, out _);
        var interpreted = new CelCondition(expression, new CelEnvironment([], "").Compile(expression));

        Assert.Null(error);
        Assert.True(compiled!.IsCompiled);
        var expected = interpreted.Evaluate(Variables, out _);
        Assert.Equal(ConditionOutcome.True, expected);
        Assert.Equal(expected, compiled.Evaluate(Variables, out _));
    }

    [Theory]
    [InlineData("request.nope == 1")]
    [InlineData("model + 1 == 2")]
    [InlineData("grants[5] == 'x'")]
    [InlineData("request.prompt_chars / 0 == 1")]
    [InlineData("9223372036854775807 + request.prompt_chars > 0")]
    public void Evaluate_RuntimeError_BothPathsError(string expression)
    {
        var compiled = new CelCompiler().Compile(expression, out _, out _, out _)!;
        var interpreted = new CelCondition(expression, new CelEnvironment([], "").Compile(expression));

        Assert.Equal(ConditionOutcome.Error, interpreted.Evaluate(Variables, out _));
        Assert.Equal(ConditionOutcome.Error, compiled.Evaluate(Variables, out var message));
        Assert.False(string.IsNullOrEmpty(message));
    }

    [Theory]
    [InlineData("false && model + 1 == 2", false)]
    [InlineData("model + 1 == 2 || true", true)]
    [InlineData("grants.exists(g, g == 'prod' || g + 1 == 2)", true)]
    public void Evaluate_ErrorAbsorbedByDecidingOperand_Decided(string expression, bool expected)
    {
        var compiled = new CelCompiler().Compile(expression, out _, out _, out _)!;

        Assert.Equal(expected ? ConditionOutcome.True : ConditionOutcome.False, compiled.Evaluate(Variables, out _));
    }

    [Fact]
    public void Compile_OutsideTheSubset_RunsOnTheInterpreter()
    {
        var condition = new CelCompiler().Compile("{'a': 1}['a'] == 1", out var error, out _, out _);

        Assert.Null(error);
        Assert.False(condition!.IsCompiled);
        Assert.Equal(ConditionOutcome.True, condition.Evaluate(Variables, out _));
    }

    [Fact]
    public void Evaluate_InterpretedConditionFromManyThreads_SameResults()
    {
        var condition = new CelCompiler().Compile("{'k': request.prompt_chars}['k'] == 1500 && 'prod' in grants", out _, out _, out _)!;

        var outcomes = new ConditionOutcome[4000];
        Parallel.For(0, outcomes.Length, i => outcomes[i] = condition.Evaluate(Variables, out _));

        Assert.False(condition.IsCompiled);
        Assert.All(outcomes, outcome => Assert.Equal(ConditionOutcome.True, outcome));
    }
}
