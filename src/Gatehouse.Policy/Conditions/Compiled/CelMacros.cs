using System.Collections;

namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>The comprehension macros (<c>exists</c>, <c>all</c>, <c>exists_one</c>, <c>filter</c>, <c>map</c>) as thunks.</summary>
/// <remarks>
/// As in CEL, <c>exists</c> and <c>all</c> are decided by any element that decides them even if another element
/// errors; an error only surfaces when no element decides.
/// </remarks>
internal static class CelMacros
{
    public static CelThunk? Bind(string name, CelThunk target, int slot, CelThunk body) => name switch
    {
        "exists" => frame => Quantify(frame, target, slot, body, decidingValue: true),
        "all" => frame => Quantify(frame, target, slot, body, decidingValue: false),
        "exists_one" => frame => ExistsOne(frame, target, slot, body),
        "filter" => frame => Filter(frame, target, slot, body),
        "map" => frame => Map(frame, target, slot, body),
        _ => null,
    };

    public static bool ToBool(object? value) =>
        value is bool flag ? flag : throw new CelEvaluationException($"expected bool, got {CelOperators.TypeName(value)}");

    private static IEnumerable Items(object? collection) => collection switch
    {
        IDictionary<string, object?> map => map.Keys,
        IList list => list,
        _ => throw new CelEvaluationException($"cannot iterate over {CelOperators.TypeName(collection)}"),
    };

    private static object Quantify(CelFrame frame, CelThunk target, int slot, CelThunk body, bool decidingValue)
    {
        CelEvaluationException? error = null;
        foreach (var item in Items(target(frame)))
        {
            frame.Slots[slot] = item;
            try
            {
                if (ToBool(body(frame)) == decidingValue)
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

    private static object ExistsOne(CelFrame frame, CelThunk target, int slot, CelThunk body)
    {
        var count = 0;
        foreach (var item in Items(target(frame)))
        {
            frame.Slots[slot] = item;
            count += ToBool(body(frame)) ? 1 : 0;
        }

        return CelValues.Box(count == 1);
    }

    private static List<object?> Filter(CelFrame frame, CelThunk target, int slot, CelThunk body)
    {
        var result = new List<object?>();
        foreach (var item in Items(target(frame)))
        {
            frame.Slots[slot] = item;
            if (ToBool(body(frame)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    private static List<object?> Map(CelFrame frame, CelThunk target, int slot, CelThunk body)
    {
        var result = new List<object?>();
        foreach (var item in Items(target(frame)))
        {
            frame.Slots[slot] = item;
            result.Add(body(frame));
        }

        return result;
    }
}
