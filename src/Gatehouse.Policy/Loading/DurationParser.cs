using System.Globalization;

namespace Gatehouse.Policy.Loading;

/// <summary>Parses durations written as <c>90s</c>, <c>15m</c>, <c>1h30m</c> or <c>2d</c>.</summary>
internal static class DurationParser
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var span = text.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return false;
        }

        while (!span.IsEmpty)
        {
            var digits = 0;
            while (digits < span.Length && char.IsAsciiDigit(span[digits]))
            {
                digits++;
            }

            if (digits == 0 || digits == span.Length
                || !long.TryParse(span[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return false;
            }

            TimeSpan unit;
            switch (span[digits])
            {
                case 's': unit = TimeSpan.FromSeconds(1); break;
                case 'm': unit = TimeSpan.FromMinutes(1); break;
                case 'h': unit = TimeSpan.FromHours(1); break;
                case 'd': unit = TimeSpan.FromDays(1); break;
                default: return false;
            }

            if (amount > 366L * 24 * 3600)
            {
                return false;
            }

            duration += unit * amount;
            span = span[(digits + 1)..];
        }

        return duration > TimeSpan.Zero;
    }
}
