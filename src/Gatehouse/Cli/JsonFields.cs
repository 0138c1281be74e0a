using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Cli;

/// <summary>Reads fields of an API answer for printing: a missing or null field prints as <c>-</c>.</summary>
internal static class JsonFields
{
    public static string Text(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "-";

    public static string Time(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.TryGetDateTimeOffset(out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "-";
}
