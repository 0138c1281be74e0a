using System.Globalization;
using System.Text.RegularExpressions;
using Cel;
using Gatehouse.Policy.Context;
using Gatehouse.Policy.Evaluation;

namespace Gatehouse.Policy.Conditions;

/// <summary>Compiles <c>when:</c> expressions and checks their names against the documented context at load.</summary>
/// <remarks>
/// The CEL port checks syntax at compile time but resolves names only while evaluating. So each compiled expression is
/// also run once against a probe context with every documented field populated: an unknown variable or function
/// surfaces there as a load error instead of as a fail-closed decision in production.
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
        CelProgramDelegate program;
        try
        {
            program = _environment.Compile(expression);
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
