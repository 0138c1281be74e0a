using System.Collections;
using System.Globalization;
using System.Text.RegularExpressions;
using Gatehouse.Policy.Durations;
using Google.Protobuf.WellKnownTypes;

namespace Gatehouse.Policy.Conditions.Compiled;

/// <summary>The CEL standard functions the compiler supports, each bound once at compile time.</summary>
internal static class CelBuiltins
{
    private static readonly DurationRange AnyDuration = new(TimeSpan.Zero, TimeSpan.MaxValue);

    private static readonly HashSet<string> TimeAccessors =
    [
        "getFullYear", "getMonth", "getDayOfYear", "getDayOfMonth", "getDate", "getDayOfWeek", "getHours", "getMinutes",
        "getSeconds", "getMilliseconds",
    ];

    public static Func<object?, object?>? Unary(string name) => name switch
    {
        "size" => Size,
        "int" => ToInt,
        "double" => ToDouble,
        "string" => ToText,
        "dyn" => value => value,
        "timestamp" => value => value is string text ? ParseTimestamp(text) : throw CelOperators.NoOverload("timestamp", value, null),
        "duration" => value => value is string text ? ParseDuration(text) : throw CelOperators.NoOverload("duration", value, null),
        _ => null,
    };

    public static Func<object?, object?>? Member0(string name) =>
        name == "size" ? Size : TimeAccessors.Contains(name) ? value => TimePart(name, value, null) : null;

    /// <summary>Binds a one-argument member function; a literal regular expression is compiled here, once.</summary>
    public static Func<object?, object?, object?>? Member1(string name, string? literalArgument) => name switch
    {
        "startsWith" => (target, arg) => Strings(target, arg, name) is var (text, part) && text.StartsWith(part, StringComparison.Ordinal),
        "endsWith" => (target, arg) => Strings(target, arg, name) is var (text, part) && text.EndsWith(part, StringComparison.Ordinal),
        "contains" => (target, arg) => Strings(target, arg, name) is var (text, part) && text.Contains(part, StringComparison.Ordinal),
        "matches" when literalArgument is not null => Matches(CompileRegex(literalArgument)),
        "matches" => (target, arg) => Strings(target, arg, name) is var (text, pattern) && CompileRegex(pattern).IsMatch(text),
        _ when TimeAccessors.Contains(name) => (target, zone) => TimePart(name, target, zone),
        _ => null,
    };

    public static Regex CompileRegex(string pattern)
    {
        try
        {
            // Linear-time matching: a policy author's pattern must not be able to stall the data path.
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // RE2, CEL's regex dialect, has no lookaround or backreferences either; refusing them matches the spec.
            throw new CelEvaluationException($"invalid regular expression: {exception.Message}");
        }
    }

    private static Func<object?, object?, object?> Matches(Regex regex) =>
        (target, _) => target is string text ? regex.IsMatch(text) : throw CelOperators.NoOverload("matches", target, null);

    private static (string, string) Strings(object? target, object? argument, string name) =>
        target is string text && argument is string other ? (text, other) : throw CelOperators.NoOverload(name, target, argument);

    private static object Size(object? value) => value switch
    {
        string text => (long)text.EnumerateRunes().Count(),
        ICollection collection => (long)collection.Count,
        _ => throw CelOperators.NoOverload("size", value, null),
    };

    private static object ToInt(object? value) => value switch
    {
        long number => number,
        ulong number when number <= long.MaxValue => (long)number,
        double number when number is > -9.2233720368547758E18 and < 9.2233720368547758E18 => (long)number,
        string text when long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        Timestamp or DateTimeOffset => CelOperators.ToTime(value).ToUnixTimeSeconds(),
        _ => throw new CelEvaluationException($"cannot convert {CelOperators.TypeName(value)} to int"),
    };

    private static object ToDouble(object? value) => value switch
    {
        double number => number,
        long number => (double)number,
        ulong number => (double)number,
        string text when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new CelEvaluationException($"cannot convert {CelOperators.TypeName(value)} to double"),
    };

    private static object ToText(object? value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        long or ulong => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        Timestamp or DateTimeOffset => CelOperators.ToTime(value).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        _ => throw new CelEvaluationException($"cannot convert {CelOperators.TypeName(value)} to string"),
    };

    private static Timestamp ParseTimestamp(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? Timestamp.FromDateTimeOffset(time)
            : throw new CelEvaluationException("timestamp() needs an RFC 3339 text");

    // CEL's duration() reads the one duration grammar of the configuration, the policy file and the command line
    // (DurationGrammar), with CEL's optional leading '-' for a negative duration.
    private static TimeSpan ParseDuration(string text)
    {
        var negative = text.StartsWith('-');
        return DurationGrammar.Parse(negative ? text[1..] : text, AnyDuration).Value is { } span
            ? (negative ? -span : span)
            : throw new CelEvaluationException($"duration() needs a duration: {DurationGrammar.Forms}");
    }

    private static object TimePart(string name, object? target, object? zone)
    {
        var time = CelOperators.ToTime(target);
        if (zone is string zoneName)
        {
            time = TimeZoneInfo.ConvertTime(time, FindZone(zoneName));
        }
        else if (zone is not null)
        {
            throw CelOperators.NoOverload(name, target, zone);
        }
        else
        {
            time = time.ToUniversalTime();
        }

        return name switch
        {
            "getFullYear" => (long)time.Year,
            "getMonth" => (long)time.Month - 1,
            "getDayOfYear" => (long)time.DayOfYear - 1,
            "getDayOfMonth" => (long)time.Day - 1,
            "getDate" => (long)time.Day,
            "getDayOfWeek" => (long)time.DayOfWeek,
            "getHours" => (long)time.Hour,
            "getMinutes" => (long)time.Minute,
            "getSeconds" => (long)time.Second,
            _ => (long)time.Millisecond,
        };
    }

    private static TimeZoneInfo FindZone(string name)
    {
        if (name.Length > 0 && (name[0] == '+' || name[0] == '-')
            && TimeSpan.TryParse(name.AsSpan(1), CultureInfo.InvariantCulture, out var offset))
        {
            return TimeZoneInfo.CreateCustomTimeZone(name, name[0] == '-' ? -offset : offset, name, name);
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception exception) when (exception is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CelEvaluationException($"unknown time zone '{name}'");
        }
    }
}
