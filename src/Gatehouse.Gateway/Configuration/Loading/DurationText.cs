using System.Globalization;

namespace Gatehouse.Gateway.Configuration.Loading;

/// <summary>Parses and formats durations such as <c>250ms</c>, <c>30s</c>, <c>5m</c>, <c>12h</c>, <c>90d</c>.</summary>
internal static class DurationText
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        if (text.Length == 0)
        {
            return false;
        }

        (string Suffix, double Seconds)[] units = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3600), ("d", 86400)];
        foreach (var (suffix, seconds) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && n >= 0 && double.IsFinite(n))
            {
                value = TimeSpan.FromSeconds(n * seconds);
                return true;
            }
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plainSeconds) && plainSeconds >= 0)
        {
            value = TimeSpan.FromSeconds(plainSeconds);
            return true;
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }

    public static string Format(TimeSpan value) => value switch
    {
        { TotalDays: >= 1 } when value.TotalDays == Math.Floor(value.TotalDays) => $"{value.TotalDays:0}d",
        { TotalHours: >= 1 } when value.TotalHours == Math.Floor(value.TotalHours) => $"{value.TotalHours:0}h",
        { TotalMinutes: >= 1 } when value.TotalMinutes == Math.Floor(value.TotalMinutes) => $"{value.TotalMinutes:0}m",
        { TotalSeconds: >= 1 } => $"{value.TotalSeconds:0.###}s",
        _ => $"{value.TotalMilliseconds:0}ms",
    };
}
