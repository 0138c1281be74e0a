using System.Collections;
using Google.Protobuf.WellKnownTypes;

namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>CEL's operators over the value model: bool, int64, uint64, double, string, null, lists, maps, timestamps, durations.</summary>
internal static class CelOperators
{
    public static bool AreEqual(object? left, object? right)
    {
        switch (left)
        {
            case null:
                return right is null;
            case string text:
                return right is string other && string.Equals(text, other, StringComparison.Ordinal);
            case bool flag:
                return right is bool otherFlag && flag == otherFlag;
            case long or ulong or double:
                return IsNumber(right) && CompareNumbers(left, right!) == 0;
            case Timestamp or DateTimeOffset:
                return right is Timestamp or DateTimeOffset && ToTime(left) == ToTime(right);
            case TimeSpan span:
                return right is TimeSpan otherSpan && span == otherSpan;
            case IDictionary<string, object?> map:
                return right is IDictionary<string, object?> otherMap && MapsEqual(map, otherMap);
            case IList list:
                return right is IList otherList && ListsEqual(list, otherList);
            default:
                return Equals(left, right);
        }
    }

    public static int Compare(object? left, object? right)
    {
        if (IsNumber(left) && IsNumber(right))
        {
            return CompareNumbers(left!, right!);
        }

        return (left, right) switch
        {
            (string a, string b) => Math.Sign(string.CompareOrdinal(a, b)),
            (bool a, bool b) => a.CompareTo(b),
            (TimeSpan a, TimeSpan b) => a.CompareTo(b),
            (Timestamp or DateTimeOffset, Timestamp or DateTimeOffset) => ToTime(left).CompareTo(ToTime(right)),
            _ => throw NoOverload("compare", left, right),
        };
    }

    public static bool In(object? element, object? container) => container switch
    {
        IDictionary<string, object?> map => element is string key && map.ContainsKey(key),
        IList list => Contains(list, element),
        _ => throw NoOverload("in", element, container),
    };

    public static object Add(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => Integer('+', a, b),
        (double a, double b) => a + b,
        (ulong a, ulong b) => Unsigned('+', a, b),
        (string a, string b) => a + b,
        (IList a, IList b) => Concat(a, b),
        (Timestamp or DateTimeOffset, TimeSpan b) => Timestamp.FromDateTimeOffset(ToTime(left) + b),
        (TimeSpan a, TimeSpan b) => a + b,
        _ => throw NoOverload("+", left, right),
    };

    public static object Subtract(object? left, object? right) => (left, right) switch
    {
        (long a, long b) => Integer('-', a, b),
        (double a, double b) => a - b,
        (ulong a, ulong b) => Unsigned('-', a, b),
        (Timestamp or DateTimeOffset, TimeSpan b) => Timestamp.FromDateTimeOffset(ToTime(left) - b),
        (Timestamp or DateTimeOffset, Timestamp or DateTimeOffset) => ToTime(left) - ToTime(right),
        (TimeSpan a, TimeSpan b) => a - b,
        _ => throw NoOverload("-", left, right),
    };

    public static object Arithmetic(string op, object? left, object? right) => (op, left, right) switch
    {
        ("*", long a, long b) => Integer('*', a, b),
        ("*", double a, double b) => a * b,
        ("/", long _, 0L) or ("%", long _, 0L) => throw new CelEvaluationException("division by zero"),
        ("/", long a, long b) => Integer('/', a, b),
        ("/", double a, double b) => a / b,
        ("%", long a, long b) => a % b,
        _ => throw NoOverload(op, left, right),
    };

    public static object Negate(object? value) => value switch
    {
        long number => Integer('-', 0, number),
        double number => -number,
        _ => throw NoOverload("-", value, null),
    };

    public static bool IsNumber(object? value) => value is long or ulong or double;

    public static DateTimeOffset ToTime(object? value) => value switch
    {
        Timestamp timestamp => timestamp.ToDateTimeOffset(),
        DateTimeOffset time => time,
        _ => throw NoOverload("timestamp", value, null),
    };

    public static CelEvaluationException NoOverload(string op, object? left, object? right) =>
        new($"no such overload: {TypeName(left)} {op} {TypeName(right)}");

    public static string TypeName(object? value) => value switch
    {
        null => "null",
        bool => "bool",
        long => "int",
        ulong => "uint",
        double => "double",
        string => "string",
        Timestamp or DateTimeOffset => "timestamp",
        TimeSpan => "duration",
        IDictionary<string, object?> => "map",
        IList => "list",
        _ => value.GetType().Name,
    };

    private static int CompareNumbers(object left, object right) => (left, right) switch
    {
        (long a, long b) => a.CompareTo(b),
        (ulong a, ulong b) => a.CompareTo(b),
        (long a, ulong b) => a < 0 ? -1 : ((ulong)a).CompareTo(b),
        (ulong a, long b) => b < 0 ? 1 : a.CompareTo((ulong)b),
        _ => ToDouble(left).CompareTo(ToDouble(right)),
    };

    private static double ToDouble(object value) => value switch
    {
        long number => number,
        ulong number => number,
        _ => (double)value,
    };

    private static object Integer(char op, long a, long b)
    {
        try
        {
            return op switch
            {
                '+' => checked(a + b),
                '-' => checked(a - b),
                '*' => checked(a * b),
                _ => checked(a / b),
            };
        }
        catch (OverflowException)
        {
            throw new CelEvaluationException("integer overflow");
        }
    }

    private static object Unsigned(char op, ulong a, ulong b)
    {
        try
        {
            return op == '+' ? checked(a + b) : checked(a - b);
        }
        catch (OverflowException)
        {
            throw new CelEvaluationException("unsigned integer overflow");
        }
    }

    private static bool Contains(IList list, object? element)
    {
        foreach (var item in list)
        {
            if (AreEqual(item, element))
            {
                return true;
            }
        }

        return false;
    }

    private static List<object?> Concat(IList a, IList b)
    {
        var result = new List<object?>(a.Count + b.Count);
        foreach (var item in a)
        {
            result.Add(item);
        }

        foreach (var item in b)
        {
            result.Add(item);
        }

        return result;
    }

    private static bool ListsEqual(IList a, IList b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!AreEqual(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MapsEqual(IDictionary<string, object?> a, IDictionary<string, object?> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !AreEqual(value, other))
            {
                return false;
            }
        }

        return true;
    }
}
