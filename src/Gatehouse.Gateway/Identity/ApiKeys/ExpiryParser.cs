using System.Globalization;

namespace Gatehouse.Gateway.Identity.ApiKeys;

/// <summary>Parses key lifetimes such as <c>90d</c>, <c>12h</c>, <c>30m</c> or <c>never</c>.</summary>
internal static class ExpiryParser
{
    /// <summary>The longest lifetime accepted: ten years.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(3650);

    private const string Usage = "use a whole number followed by m (minutes), h (hours) or d (days), such as 90d, or 'never'";

    /// <summary>Parses the value; the error names the value and says what is accepted.</summary>
    public static ExpiryParseResult Parse(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Equals("never", StringComparison.OrdinalIgnoreCase))
        {
            return new ExpiryParseResult(null, null);
        }

        if (text.Length < 2)
        {
            return Fail(text, Usage);
        }

        TimeSpan unit = char.ToLowerInvariant(text[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (unit == TimeSpan.Zero)
        {
            return Fail(text, $"unknown unit '{text[^1]}'; {Usage}");
        }

        if (!long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return Fail(text, Usage);
        }

        if (count == 0)
        {
            return Fail(text, "a key that expires immediately is useless; give a positive duration or 'never'");
        }

        if (count > MaxLifetime.Ticks / unit.Ticks)
        {
            return Fail(text, "the longest lifetime is 3650d; use 'never' for a key that does not expire");
        }

        return new ExpiryParseResult(unit * count, null);
    }

    private static ExpiryParseResult Fail(string text, string reason) =>
        new(null, $"'{text}' is not a valid expiry: {reason}.");
}
