namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>A CEL runtime error (no such key, no such overload, overflow); the evaluator applies it fail-closed.</summary>
internal sealed class CelEvaluationException(string message) : Exception(message);
