using System.Globalization;
using System.Text;
using System.Text.Json;
using Gatehouse.Cli;

namespace Gatehouse.Approvals;

/// <summary>Formats the approvals API's JSON for people: a table for lists, a page for one request.</summary>
internal static class ApprovalText
{
    public static string Describe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var rows = root.EnumerateArray().Select(a => (IReadOnlyList<string>)
            [
                S(a, "id"), S(a, "state"), S(a, "requester"), S(a, "connection"), S(a, "rule"), S(a, "held"), Time(a, "createdAt"),
            ]);
            return TextTable.Render(["ID", "STATE", "REQUESTER", "CONNECTION", "RULE", "HELD", "CREATED (UTC)"], rows).TrimEnd('\n');
        }

        var text = new StringBuilder();
        foreach (var field in new[] { "id", "state", "requester", "connection", "rule", "held", "justification", "exchangeId", "contentDigest" })
        {
            text.Append(field.PadRight(15)).Append(S(root, field)).Append('\n');
        }

        text.Append("created".PadRight(15)).Append(Time(root, "createdAt")).Append('\n');
        foreach (var review in root.TryGetProperty("reviews", out var reviews) ? reviews.EnumerateArray() : default)
        {
            text.Append("review".PadRight(15)).Append(S(review, "decision")).Append(" by ").Append(S(review, "reviewer"))
                .Append(" at ").Append(Time(review, "at")).Append(": ").Append(S(review, "justification")).Append('\n');
        }

        return text.ToString().TrimEnd('\n');
    }

    private static string S(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "-";

    private static string Time(JsonElement e, string name)
        => e.TryGetProperty(name, out var v) && v.TryGetDateTimeOffset(out var t)
            ? t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : "-";
}
