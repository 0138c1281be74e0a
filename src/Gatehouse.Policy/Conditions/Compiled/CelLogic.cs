namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>CEL's commutative <c>||</c> and <c>&amp;&amp;</c>: a deciding operand wins even when another operand errors.</summary>
internal static class CelLogic
{
    public static CelThunk Any(CelThunk[] operands) => frame => Decide(frame, operands, decidingValue: true);

    public static CelThunk All(CelThunk[] operands) => frame => Decide(frame, operands, decidingValue: false);

    private static object Decide(CelFrame frame, CelThunk[] operands, bool decidingValue)
    {
        CelEvaluationException? error = null;
        foreach (var operand in operands)
        {
            try
            {
                if (CelMacros.ToBool(operand(frame)) == decidingValue)
                {
                    return CelValues.Box(decidingValue);
                }
            }
            catch (CelEvaluationException exception)
            {
                error ??= exception;
            }
        }

        return error is null ? CelValues.Box(!decidingValue) : throw error;
    }
}
