using System.Text;
using System.Text.Json;
using Gatehouse.Cli;
using static Gatehouse.Cli.JsonFields;

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
                Text(a, "id"), Text(a, "state"), Text(a, "requester"), Text(a, "connection"), Text(a, "rule"), Text(a, "held"), Time(a, "createdAt"),
            ]);
            return TextTable.Render(["ID", "STATE", "REQUESTER", "CONNECTION", "RULE", "HELD", "CREATED (UTC)"], rows).TrimEnd('\n');
        }

        var text = new StringBuilder();
        foreach (var field in new[] { "id", "state", "requester", "connection", "rule", "held", "justification", "exchangeId", "contentDigest" })
        {
            text.Append(field.PadRight(15)).Append(Text(root, field)).Append('\n');
        }

        text.Append("created".PadRight(15)).Append(Time(root, "createdAt")).Append('\n');
        AppendReviews(text, root);
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>Appends one line per review: decision, reviewer, time and justification.</summary>
    public static void AppendReviews(StringBuilder text, JsonElement root)
    {
        foreach (var review in root.TryGetProperty("reviews", out var reviews) ? reviews.EnumerateArray() : default)
        {
            text.Append("review".PadRight(15)).Append(Text(review, "decision")).Append(" by ").Append(Text(review, "reviewer"))
                .Append(" at ").Append(Time(review, "at")).Append(": ").Append(Text(review, "justification")).Append('\n');
        }
    }
}
