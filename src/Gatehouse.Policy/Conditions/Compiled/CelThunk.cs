namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>One compiled CEL sub-expression: evaluates to a CEL value or throws <see cref="CelEvaluationException"/>.</summary>
internal delegate object? CelThunk(CelFrame frame);
