namespace Gatehouse.Policy.Conditions;

internal enum ConditionOutcome
{
    False,
    True,
    Error,
}
