using System.Collections;

namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>Value access shared by the thunks: field selection, indexing, and pre-boxed booleans.</summary>
internal static class CelValues
{
    public static readonly object True = true;
    public static readonly object False = false;

    public static object Box(bool value) => value ? True : False;

    public static object? Select(object? target, string field) => target switch
    {
        IDictionary<string, object?> map => map.TryGetValue(field, out var value)
            ? value
            : throw new CelEvaluationException($"no such key: '{field}'"),
        _ => throw new CelEvaluationException($"type {CelOperators.TypeName(target)} does not support field selection"),
    };

    public static bool Has(object? target, string field) => target switch
    {
        IDictionary<string, object?> map => map.ContainsKey(field),
        _ => throw new CelEvaluationException($"has() on {CelOperators.TypeName(target)}"),
    };

    public static object? Index(object? target, object? index) => (target, index) switch
    {
        (IList list, long i) when i >= 0 && i < list.Count => list[(int)i],
        (IList, long) => throw new CelEvaluationException("index out of range"),
        (IDictionary<string, object?> map, string key) => Select(map, key),
        _ => throw CelOperators.NoOverload("[]", target, index),
    };
}
