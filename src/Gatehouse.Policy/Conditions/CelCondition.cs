using Cel;
using Gatehouse.Policy.Conditions.Compiled;

namespace Gatehouse.Policy.Conditions;

/// <summary>A rule's <c>when:</c> expression, compiled once at load: to closures, or to the library's interpreter.</summary>
internal sealed class CelCondition
{
    private readonly CelThunk? _compiled;
    private readonly int _slots;
    private readonly CelProgramDelegate? _interpreted;

    public CelCondition(string expression, CelThunk compiled, int slots)
    {
        Expression = expression;
        _compiled = compiled;
        _slots = slots;
    }

    public CelCondition(string expression, CelProgramDelegate interpreted)
    {
        Expression = expression;
        _interpreted = interpreted;
    }

    public string Expression { get; }

    /// <summary>Gets whether the expression runs as compiled closures rather than on the library's interpreter.</summary>
    public bool IsCompiled => _compiled is not null;

    public ConditionOutcome Evaluate(IDictionary<string, object?> variables, out string? error)
    {
        error = null;
        try
        {
            var result = _compiled is not null ? _compiled(new CelFrame(variables, _slots)) : _interpreted!(variables);
            if (result is bool flag)
            {
                return flag ? ConditionOutcome.True : ConditionOutcome.False;
            }

            error = "the expression did not evaluate to a boolean";
            return ConditionOutcome.Error;
        }
        catch (Exception exception) when (exception is CelEvaluationException or CelException)
        {
            // An evaluation error is a value, not a crash: the evaluator applies it fail-closed.
            error = exception.Message;
            return ConditionOutcome.Error;
        }
        catch (Exception exception) when (exception is InvalidCastException or ArgumentException
            or NullReferenceException or KeyNotFoundException or FormatException or OverflowException
            or InvalidOperationException or IndexOutOfRangeException or NotSupportedException)
        {
            // The library's interpreter surfaces some type errors as plain runtime exceptions; they are expression
            // errors too.
            error = exception.GetType().Name;
            return ConditionOutcome.Error;
        }
    }
}
