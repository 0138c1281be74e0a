using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Writes a Slack incoming-webhook message: <c>text</c> (the notification fallback) and <c>blocks</c> with the
/// approval's facts, a button to its API address and the CLI commands that decide it.
/// </summary>
internal static class SlackPayload
{
    public static byte[] Write(Notice notice, ApprovalLinks links) => JsonBody.Object(json =>
    {
        if (notice is ApprovalNotice approval)
        {
            WriteApproval(json, approval, links);
        }
        else if (notice is GrantNotice grant)
        {
            WriteGrant(json, grant, links);
        }
        else if (notice is CheckpointNotice checkpoint)
        {
            WriteCheckpoint(json, checkpoint);
        }
        else if (notice is McpToolNotice tool)
        {
            WriteMcpTool(json, tool);
        }
    });

    private static void WriteApproval(Utf8JsonWriter json, ApprovalNotice a, ApprovalLinks links)
    {
        var url = links.Api(a.ApprovalId);
        var headline = a.State switch
        {
            "pending" => "Approval requested",
            "approved" => "Approval granted",
            "rejected" => "Approval rejected",
            "cancelled" => "Approval withdrawn",
            _ => "Approval timed out",
        };
        json.WriteString("text", Escape($"{headline}: {a.Requester} on {a.Connection} ({a.ApprovalId})"));
        json.WriteStartArray("blocks");
        Section(json, $"*{headline}* <{url}|{a.ApprovalId}>");
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WriteStartArray("fields");
        Field(json, "Requester", a.Requester);
        Field(json, "Connection", a.Connection);
        Field(json, "Rule", a.Rule);
        Field(json, "Justification", a.Justification);
        Field(json, "Reviewer", a.Reviewer);
        Field(json, "Review", a.ReviewJustification);
        json.WriteEndArray();
        json.WriteEndObject();
        Context(json, $"Content digest `{Escape(a.ContentDigest ?? "")}`");
        if (a.State == "pending")
        {
            Section(json, $"Decide with `{Escape(links.ApproveCommand(a.ApprovalId))}` or `{Escape(links.RejectCommand(a.ApprovalId))}`");
            json.WriteStartObject();
            json.WriteString("type", "actions");
            json.WriteStartArray("elements");
            json.WriteStartObject();
            json.WriteString("type", "button");
            json.WriteStartObject("text");
            json.WriteString("type", "plain_text");
            json.WriteString("text", "Open approval");
            json.WriteEndObject();
            json.WriteString("url", url);
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteGrant(Utf8JsonWriter json, GrantNotice g, ApprovalLinks links)
    {
        var url = links.AccessApi(g.GrantId);
        var headline = g.State switch
        {
            "pending" => "Access requested",
            "approved" => "Access granted",
            "rejected" => "Access request rejected",
            "cancelled" => "Access request withdrawn",
            "revoked" => "Access revoked",
            _ => "Access request timed out",
        };
        json.WriteString("text", Escape($"{headline}: {g.Requester} on {g.Connection} ({g.GrantId})"));
        json.WriteStartArray("blocks");
        Section(json, $"*{headline}* <{url}|{g.GrantId}>");
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WriteStartArray("fields");
        Field(json, "Requester", g.Requester);
        Field(json, "Connection", g.Connection);
        Field(json, "Duration", g.Duration);
        Field(json, "Reason", g.Reason);
        Field(json, "Reviewer", g.Reviewer);
        Field(json, "Review", g.ReviewJustification);
        json.WriteEndArray();
        json.WriteEndObject();
        if (g.State == "pending")
        {
            Section(json, $"Decide with `{Escape(links.AccessApproveCommand(g.GrantId))}` or `{Escape(links.AccessRejectCommand(g.GrantId))}`");
        }

        json.WriteEndArray();
    }

    private static void WriteCheckpoint(Utf8JsonWriter json, CheckpointNotice c)
    {
        var size = c.Checkpoint.TreeSize.ToString(CultureInfo.InvariantCulture);
        var root = Convert.ToBase64String(c.Checkpoint.RootHash);
        json.WriteString("text", $"Audit checkpoint signed: {size} entries, root {root}, key {c.Checkpoint.KeyId}");
        json.WriteStartArray("blocks");
        Section(json, $"*Audit checkpoint signed* at tree size {size} with key `{Escape(c.Checkpoint.KeyId)}`");
        Section(json, $"```{Escape(c.Note)}```");
        json.WriteEndArray();
    }

    private static void Section(Utf8JsonWriter json, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "section");
        Text(json, "text", mrkdwn);
        json.WriteEndObject();
    }

    private static void Context(Utf8JsonWriter json, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "context");
        json.WriteStartArray("elements");
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", mrkdwn);
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Field(Utf8JsonWriter json, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json.WriteStartObject();
            json.WriteString("type", "mrkdwn");
            json.WriteString("text", $"*{label}*\n{Escape(value)}");
            json.WriteEndObject();
        }
    }

    private static void Text(Utf8JsonWriter json, string name, string mrkdwn)
    {
        json.WriteStartObject(name);
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", mrkdwn);
        json.WriteEndObject();
    }

    // Slack reads &, < and > as control characters in mrkdwn; a requester's text must not turn into a link or mention.
    private static string Escape(string text)
        => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static void WriteMcpTool(Utf8JsonWriter json, McpToolNotice t)
    {
        var what = t.Change == "added" ? "New MCP tool" : "MCP tool definition changed";
        json.WriteString("text", Escape($"{what}: {t.Tool} on {t.Connection}; hidden until an admin accepts it"));
        json.WriteStartArray("blocks");
        Section(json, $"*{what}*: `{Escape(t.Tool)}` on `{Escape(t.Connection)}`, hidden and refused until accepted");
        Section(json, $"Review with `gatehouse mcp tools diff --connection {Escape(t.Connection)} --tool {Escape(t.Tool)}`");
        json.WriteEndArray();
    }
}
