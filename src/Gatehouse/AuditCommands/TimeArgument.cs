using System.Globalization;
using Gatehouse.Policy.Durations;

namespace Gatehouse.AuditCommands;

/// <summary>Parses <c>--since</c>/<c>--until</c>: a duration back from now, or an absolute time.</summary>
internal static class TimeArgument
{
    private static readonly DurationRange Ago = new(TimeSpan.Zero, TimeSpan.FromDays(36500));

    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset? value, out string error)
    {
        (value, error) = (null, "");
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var ago = DurationGrammar.Parse(text, Ago);
        if (ago.Value is { } back)
        {
            value = now - back;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            value = at;
            return true;
        }

        error = $"takes a time (such as 2026-11-25T08:00Z) or a duration back from now; {ago.Error}";
        return false;
    }
}
