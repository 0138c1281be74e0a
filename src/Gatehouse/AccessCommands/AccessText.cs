using System.Text;
using System.Text.Json;
using Gatehouse.Approvals;
using Gatehouse.Cli;
using static Gatehouse.Cli.JsonFields;

namespace Gatehouse.AccessCommands;

/// <summary>Formats the access API's JSON for people: a table for lists, a page for one request.</summary>
internal static class AccessText
{
    public static string Describe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Array)
        {
            var rows = root.EnumerateArray().Select(g => (IReadOnlyList<string>)
            [
                Text(g, "id"), Text(g, "state"), Text(g, "requester"), Text(g, "connection"), Text(g, "duration"), Time(g, "createdAt"), Time(g, "endsAt"),
            ]);
            return TextTable.Render(["ID", "STATE", "REQUESTER", "CONNECTION", "FOR", "CREATED (UTC)", "ENDS (UTC)"], rows).TrimEnd('\n');
        }

        var text = new StringBuilder();
        foreach (var field in new[] { "id", "state", "requester", "connection", "duration", "reason" })
        {
            text.Append(field.PadRight(15)).Append(Text(root, field)).Append('\n');
        }

        foreach (var (label, field) in new[] { ("created", "createdAt"), ("resolved", "resolvedAt"), ("ends", "endsAt"), ("revoked", "revokedAt") })
        {
            if (root.TryGetProperty(field, out _))
            {
                text.Append(label.PadRight(15)).Append(Time(root, field)).Append('\n');
            }
        }

        ApprovalText.AppendReviews(text, root);
        return text.ToString().TrimEnd('\n');
    }
}
