using System.Globalization;

namespace Gatehouse.Policy.Durations;

/// <summary>
/// The one duration grammar of the configuration file, the policy file and the command line: one or more
/// <c>&lt;whole number&gt;&lt;unit&gt;</c> parts from the largest unit to the smallest, units <c>d</c>, <c>h</c>, <c>m</c>,
/// <c>s</c> and <c>ms</c>, such as <c>90s</c>, <c>1h30m</c> or <c>250ms</c>. Each caller supplies its range.
/// </summary>
public static class DurationGrammar
{
    /// <summary>The accepted forms, as every error message states them.</summary>
    public const string Forms = "write whole numbers each followed by a unit (d, h, m, s or ms), largest unit first, such as 90s, 1h30m or 250ms";

    private static readonly (string Suffix, TimeSpan Unit)[] Units =
    [
        ("d", TimeSpan.FromDays(1)), ("h", TimeSpan.FromHours(1)), ("ms", TimeSpan.FromMilliseconds(1)),
        ("m", TimeSpan.FromMinutes(1)), ("s", TimeSpan.FromSeconds(1)),
    ];

    // Largest first: the order the parts of one value must follow.
    private static readonly TimeSpan[] Order =
        [TimeSpan.FromDays(1), TimeSpan.FromHours(1), TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1)];

    /// <summary>Reads <paramref name="text"/> and checks it against <paramref name="range"/>.</summary>
    public static DurationResult Parse(string? text, DurationRange range)
    {
        var value = text?.Trim() ?? "";
        if (range.Unbounded is { } word && value.Equals(word, StringComparison.OrdinalIgnoreCase))
        {
            return new DurationResult(null, null);
        }

        if (!TryRead(value, out var duration, out var problem))
        {
            return Fail(value, range, problem);
        }

        if (duration < range.Min || duration > range.Max)
        {
            var outside = duration > range.Max && range.Unbounded is { } none
                ? $"it is longer than {Format(range.Max)}; write '{none}' for no limit"
                : $"{Format(duration)} is outside the range";
            return Fail(value, range, outside);
        }

        return new DurationResult(duration, null);
    }

    /// <summary>Writes <paramref name="value"/> in the grammar, in its largest whole unit (<c>90m</c>, <c>2h</c>, <c>1500ms</c>).</summary>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        foreach (var unit in Order)
        {
            if (value >= unit && value.Ticks % unit.Ticks == 0)
            {
                var suffix = Units.First(u => u.Unit == unit).Suffix;
                return $"{(value.Ticks / unit.Ticks).ToString(CultureInfo.InvariantCulture)}{suffix}";
            }
        }

        return value.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + "ms";
    }

    private static DurationResult Fail(string value, DurationRange range, string problem)
    {
        var accepted = $"a duration from {Format(range.Min)} to {Format(range.Max)}"
            + (range.Unbounded is { } word ? $" or '{word}'" : "");
        return new DurationResult(null, $"'{value}' is not {accepted}: {problem}; {Forms}");
    }

    private static bool TryRead(string text, out TimeSpan duration, out string problem)
    {
        duration = TimeSpan.Zero;
        problem = "";
        if (text.Length == 0)
        {
            problem = "the value is empty";
            return false;
        }

        if (LegacyForm(text) is { } instead)
        {
            problem = instead;
            return false;
        }

        var span = text.AsSpan();
        var previous = -1;
        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            if (digits == 0)
            {
                problem = $"'{span}' does not start with a whole number";
                return false;
            }

            var rest = span[digits..];
            var letters = 0;
            while (letters < rest.Length && char.IsAsciiLetter(rest[letters]))
            {
                letters++;
            }

            var suffix = rest[..letters].ToString().ToLowerInvariant();
            var index = Array.FindIndex(Units, u => u.Suffix == suffix);
            if (index < 0)
            {
                problem = letters == 0 ? $"'{span[..digits]}' has no unit" : $"'{suffix}' is not a unit";
                return false;
            }

            var unit = Units[index].Unit;
            var position = Array.IndexOf(Order, unit);
            if (position <= previous)
            {
                problem = "the units must go from the largest to the smallest, each once";
                return false;
            }

            if (!long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
                || amount > (TimeSpan.MaxValue.Ticks - duration.Ticks) / unit.Ticks)
            {
                problem = "the number is too large";
                return false;
            }

            duration += unit * amount;
            previous = position;
            span = rest[letters..];
        }

        return true;
    }

    // The forms the older parsers read (a bare number of seconds, a fraction such as 1.5h, hh:mm:ss): refused, with the
    // value written in the grammar so the fix can be copied.
    private static string? LegacyForm(string text)
    {
        const NumberStyles Number = NumberStyles.AllowDecimalPoint;
        var culture = CultureInfo.InvariantCulture;
        if (double.TryParse(text, Number, culture, out var seconds) && double.IsFinite(seconds) && seconds < 1e9)
        {
            return Suggest(TimeSpan.FromSeconds(seconds), "a bare number is no longer read as seconds");
        }

        foreach (var (suffix, unit) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && text[..^suffix.Length].Contains('.', StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], Number, culture, out var amount)
                && double.IsFinite(amount) && amount < 1e9)
            {
                return Suggest(TimeSpan.FromTicks((long)Math.Round(amount * unit.Ticks)), "fractions are not read");
            }
        }

        return text.Contains(':', StringComparison.Ordinal) && TimeSpan.TryParse(text, culture, out var clock) && clock >= TimeSpan.Zero
            ? Suggest(clock, "hh:mm:ss is not read")
            : null;
    }

    private static string Suggest(TimeSpan value, string why) =>
        $"{why}; write '{Format(TimeSpan.FromMilliseconds(Math.Round(value.TotalMilliseconds, MidpointRounding.AwayFromZero)))}' instead";
}
