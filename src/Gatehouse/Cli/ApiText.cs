using System.Text;
using System.Text.Json;
using static Gatehouse.Cli.JsonFields;

namespace Gatehouse.Cli;

/// <summary>
/// Formats an admin API answer for people: an array as a table of <c>columns</c>, an object as a page of
/// <c>fields</c> (a field whose name ends in <c>At</c> prints as a UTC time, and only when present), then its reviews.
/// </summary>
internal static class ApiText
{
    public static string Describe(string json, IReadOnlyList<(string Header, string Field)> columns, IReadOnlyList<(string Label, string Field)> fields)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var rows = root.EnumerateArray().Select(item => (IReadOnlyList<string>)[.. columns.Select(c => Value(item, c.Field))]);
            return TextTable.Render([.. columns.Select(c => c.Header)], rows).TrimEnd('\n');
        }

        var text = new StringBuilder();
        foreach (var (label, field) in fields)
        {
            if (!IsTime(field) || root.TryGetProperty(field, out _))
            {
                text.Append(label.PadRight(15)).Append(Value(root, field)).Append('\n');
            }
        }

        foreach (var review in root.TryGetProperty("reviews", out var reviews) ? reviews.EnumerateArray() : default)
        {
            text.Append("review".PadRight(15)).Append(Text(review, "decision")).Append(" by ").Append(Text(review, "reviewer"))
                .Append(" at ").Append(Time(review, "at")).Append(": ").Append(Text(review, "justification")).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static bool IsTime(string field) => field.EndsWith("At", StringComparison.Ordinal);

    private static string Value(JsonElement e, string field) => IsTime(field) ? Time(e, field) : Text(e, field);
}
