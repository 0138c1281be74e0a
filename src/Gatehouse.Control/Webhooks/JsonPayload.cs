using System.Text.Json;

namespace Gatehouse.Control.Webhooks;

/// <summary>Writes the generic JSON body: <c>{"id", "event", "occurredAt", "approval" | "grant" | "checkpoint" | "mcpTool"}</c>.</summary>
internal static class JsonPayload
{
    public static byte[] Write(Notice notice, string deliveryId) => JsonBody.Object(json =>
    {
        json.WriteString("id", deliveryId);
        json.WriteString("event", notice.Event);
        json.WriteString("occurredAt", notice.At);
        switch (notice)
        {
            case ReviewNotice review:
                WriteReview(json, review);
                break;
            case CheckpointNotice checkpoint:
                WriteCheckpoint(json, checkpoint);
                break;
            case McpToolNotice tool:
                WriteMcpTool(json, tool);
                break;
        }
    });

    private static void WriteReview(Utf8JsonWriter json, ReviewNotice r)
    {
        json.WriteStartObject(r.Kind.Name);
        json.WriteString("id", r.Id);
        json.WriteString("state", r.State);
        json.WriteString("requester", r.Requester);
        json.WriteString("connection", r.Connection);
        foreach (var detail in r.Details)
        {
            json.WriteString(detail.Name, detail.Value);
        }

        if (r.Kind.ReportsEnd)
        {
            if (r.EndsAt is { } ends)
            {
                json.WriteString("endsAt", ends);
            }
            else
            {
                json.WriteNull("endsAt");
            }
        }

        json.WriteString("reviewer", r.Reviewer);
        json.WriteString("reviewJustification", r.ReviewJustification);
        json.WriteString("url", r.Links.Url);
        json.WriteEndObject();
    }

    private static void WriteCheckpoint(Utf8JsonWriter json, CheckpointNotice c)
    {
        json.WriteStartObject("checkpoint");
        json.WriteNumber("treeSize", c.Checkpoint.TreeSize);
        json.WriteBase64String("rootHash", c.Checkpoint.RootHash);
        json.WriteString("time", c.Checkpoint.Time);
        json.WriteString("keyId", c.Checkpoint.KeyId);
        json.WriteBase64String("signature", c.Checkpoint.Signature);
        json.WriteString("note", c.Note);
        json.WriteEndObject();
    }

    private static void WriteMcpTool(Utf8JsonWriter json, McpToolNotice t)
    {
        json.WriteStartObject("mcpTool");
        json.WriteString("connection", t.Connection);
        json.WriteString("tool", t.Tool);
        json.WriteString("change", t.Change);
        json.WriteString("previousHash", t.PreviousHash);
        json.WriteString("hash", t.Hash);
        json.WriteString("diffCommand", $"gatehouse mcp tools diff --connection {t.Connection} --tool {t.Tool}");
        json.WriteEndObject();
    }
}
