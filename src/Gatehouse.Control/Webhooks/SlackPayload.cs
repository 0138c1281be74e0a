using System.Globalization;
using System.Text.Json;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Writes a Slack incoming-webhook message: <c>text</c> (the notification fallback) and <c>blocks</c> with the
/// review item's facts, the CLI commands that decide it and, for a held request, a button to its API address.
/// </summary>
internal static class SlackPayload
{
    public static byte[] Write(Notice notice) => JsonBody.Object(json =>
    {
        if (notice is ReviewNotice review)
        {
            WriteReview(json, review);
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

    private static void WriteReview(Utf8JsonWriter json, ReviewNotice r)
    {
        var headline = r.Kind.Headline(r.State);
        json.WriteString("text", Escape($"{headline}: {r.Requester} on {r.Connection} ({r.Id})"));
        json.WriteStartArray("blocks");
        Section(json, $"*{headline}* <{r.Links.Url}|{r.Id}>");
        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WriteStartArray("fields");
        Field(json, "Requester", r.Requester);
        Field(json, "Connection", r.Connection);
        foreach (var detail in r.Details.Where(d => d is { Label: not null, Footnote: false }))
        {
            Field(json, detail.Label!, detail.Value);
        }

        Field(json, "Reviewer", r.Reviewer);
        Field(json, "Review", r.ReviewJustification);
        json.WriteEndArray();
        json.WriteEndObject();
        foreach (var detail in r.Details.Where(d => d is { Label: not null, Footnote: true }))
        {
            Context(json, $"{detail.Label} `{Escape(detail.Value ?? "")}`");
        }

        if (r.State == "pending")
        {
            Section(json, $"Decide with `{Escape(r.Links.ApproveCommand)}` or `{Escape(r.Links.RejectCommand)}`");
            if (r.Kind.OpenLabel is { } label)
            {
                Button(json, label, r.Links.Url);
            }
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

    private static void Button(Utf8JsonWriter json, string label, string url)
    {
        json.WriteStartObject();
        json.WriteString("type", "actions");
        json.WriteStartArray("elements");
        json.WriteStartObject();
        json.WriteString("type", "button");
        json.WriteStartObject("text");
        json.WriteString("type", "plain_text");
        json.WriteString("text", label);
        json.WriteEndObject();
        json.WriteString("url", url);
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
