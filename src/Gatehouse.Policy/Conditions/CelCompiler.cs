using System.Globalization;
using System.Text.RegularExpressions;
using Cel;
using static Cel.Internal.CelParser;
using Gatehouse.Policy.Conditions.Compiled;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;

namespace Gatehouse.Policy.Conditions;

/// <summary>Compiles <c>when:</c> expressions and checks their names against the documented context at load.</summary>
/// <remarks>
/// The Cel package parses (syntax errors carry their position); <see cref="CelExpressionCompiler"/> turns the tree into
/// closures and resolves names. Valid CEL outside that subset runs on the package's interpreter, which resolves names
/// only while evaluating; so such an expression is run once against a probe context with every documented field
/// populated, and an unknown variable or function surfaces as a load error instead of a fail-closed decision.
/// </remarks>
internal sealed partial class CelCompiler
{
    private static readonly IDictionary<string, object?> ProbeVariables = CelVariableBuilder.Build(new EvaluationScope(
        new PolicyContext
        {
            Identity = new PolicyIdentity { Subject = "probe", Groups = ["probe"] },
            Findings = [new PolicyFinding("probe", "probe", PolicyDirection.Request)],
            ToolCalls = [new PolicyToolCall("probe", """{"path":"probe"}""")],
            Grants = ["probe"],
        },
        new HashSet<string>(StringComparer.Ordinal) { "path" }));

    private readonly CelEnvironment _environment = new([], "");

    /// <summary>Compiles <paramref name="expression"/>; on failure returns the error and its 1-based position inside the expression.</summary>
    public CelCondition? Compile(string expression, out string? error, out int line, out int column)
    {
        line = 1;
        column = 1;
        StartContext tree;
        try
        {
            tree = _environment.Parse(expression);
        }
        catch (CelExpressionParserException exception)
        {
            var position = PositionPattern().Match(exception.Message);
            if (position.Success)
            {
                line = int.Parse(position.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
                column = int.Parse(position.Groups[2].ValueSpan, CultureInfo.InvariantCulture) + 1;
            }

            error = $"CEL syntax error: {PositionPattern().Replace(exception.Message, "").Trim()}";
            return null;
        }

        try
        {
            var (thunk, slots) = CelExpressionCompiler.Compile(tree, CelVariableBuilder.Names);
            error = null;
            return new CelCondition(expression, thunk, slots);
        }
        catch (CelCompileException exception)
        {
            (line, column) = (exception.Line, exception.Column);
            error = $"CEL name error: {exception.Message}";
            return null;
        }
        catch (CelEvaluationException exception)
        {
            // A constant argument that is invalid whatever the exchange, such as a malformed regular expression.
            error = $"CEL error: {exception.Message}";
            return null;
        }
        catch (CelUnsupportedException)
        {
            // Valid CEL outside the compiled subset: run it on the library's interpreter.
        }

        return Interpret(expression, tree, out error);
    }

    private CelCondition? Interpret(string expression, StartContext tree, out string? error)
    {
        var program = _environment.Compile(tree);
        var condition = new CelCondition(expression, program);
        try
        {
            _ = program(ProbeVariables);
        }
        catch (Exception exception) when (exception is CelUndeclaredReferenceException or CelUnboundFunctionException
            or CelExpressionParserException)
        {
            error = $"CEL name error: {exception.Message}";
            return null;
        }
#pragma warning disable CA1031 // Any other failure on made-up probe data says nothing about real exchanges.
        catch (Exception)
        {
        }
#pragma warning restore CA1031

        error = null;
        return condition;
    }

    [GeneratedRegex(@"^Line (\d+):(\d+)\s*")]
    private static partial Regex PositionPattern();
}
