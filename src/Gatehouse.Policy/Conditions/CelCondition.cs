using Cel;

namespace Gatehouse.Policy.Conditions;

/// <summary>A rule's <c>when:</c> expression, compiled once at load.</summary>
internal sealed class CelCondition(string expression, CelProgramDelegate program)
{
    public string Expression { get; } = expression;

    public ConditionOutcome Evaluate(IDictionary<string, object?> variables, out string? error)
    {
        error = null;
        try
        {
            if (program(variables) is bool result)
            {
                return result ? ConditionOutcome.True : ConditionOutcome.False;
            }

            error = "the expression did not evaluate to a boolean";
            return ConditionOutcome.Error;
        }
        catch (CelException exception)
        {
            // An evaluation error is a value, not a crash: the evaluator applies it fail-closed.
            error = exception.Message;
            return ConditionOutcome.Error;
        }
        catch (Exception exception) when (exception is InvalidCastException or ArgumentException
            or NullReferenceException or KeyNotFoundException or FormatException or OverflowException
            or InvalidOperationException or IndexOutOfRangeException or NotSupportedException)
        {
            // The CEL port surfaces some type errors as plain runtime exceptions; they are expression errors too.
            error = exception.GetType().Name;
            return ConditionOutcome.Error;
        }
    }
}
