using System.Globalization;
using Gatehouse.Gateway.Configuration.Loading;

namespace Gatehouse.AuditCommands;

/// <summary>Parses <c>--since</c>/<c>--until</c>: a duration back from now, or an absolute time.</summary>
internal static class TimeArgument
{
    public static bool TryParse(string? text, DateTimeOffset now, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (char.IsLetter(text[^1]) && DurationText.TryParse(text, out var ago))
        {
            value = now - ago;
            return true;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            value = at;
            return true;
        }

        return false;
    }
}
