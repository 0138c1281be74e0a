namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>The state of one evaluation: the context variables and the slots of macro loop variables.</summary>
internal sealed class CelFrame(IDictionary<string, object?> variables, int slots)
{
    public IDictionary<string, object?> Variables { get; } = variables;

    public object?[] Slots { get; } = slots == 0 ? [] : new object?[slots];
}
