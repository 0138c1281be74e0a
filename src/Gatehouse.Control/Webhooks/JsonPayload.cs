using System.Text.Json;

namespace Gatehouse.Control.Webhooks;

/// <summary>Writes the generic JSON body: <c>{"id", "event", "occurredAt", "approval" | "grant" | "checkpoint" | "mcpTool"}</c>.</summary>
internal static class JsonPayload
{
    public static byte[] Write(Notice notice, string deliveryId, ApprovalLinks links) => JsonBody.Object(json =>
    {
        json.WriteString("id", deliveryId);
        json.WriteString("event", notice.Event);
        json.WriteString("occurredAt", notice.At);
        switch (notice)
        {
            case ApprovalNotice approval:
                WriteApproval(json, approval, links);
                break;
            case GrantNotice grant:
                WriteGrant(json, grant, links);
                break;
            case CheckpointNotice checkpoint:
                WriteCheckpoint(json, checkpoint);
                break;
            case McpToolNotice tool:
                WriteMcpTool(json, tool);
                break;
        }
    });

    private static void WriteApproval(Utf8JsonWriter json, ApprovalNotice a, ApprovalLinks links)
    {
        json.WriteStartObject("approval");
        json.WriteString("id", a.ApprovalId);
        json.WriteString("state", a.State);
        json.WriteString("exchangeId", a.ExchangeId);
        json.WriteString("requester", a.Requester);
        json.WriteString("connection", a.Connection);
        json.WriteString("rule", a.Rule);
        json.WriteString("justification", a.Justification);
        json.WriteString("contentDigest", a.ContentDigest);
        json.WriteString("reviewer", a.Reviewer);
        json.WriteString("reviewJustification", a.ReviewJustification);
        json.WriteString("url", links.Api(a.ApprovalId));
        json.WriteEndObject();
    }

    private static void WriteGrant(Utf8JsonWriter json, GrantNotice g, ApprovalLinks links)
    {
        json.WriteStartObject("grant");
        json.WriteString("id", g.GrantId);
        json.WriteString("state", g.State);
        json.WriteString("requester", g.Requester);
        json.WriteString("connection", g.Connection);
        json.WriteString("duration", g.Duration);
        json.WriteString("reason", g.Reason);
        if (g.EndsAt is { } ends)
        {
            json.WriteString("endsAt", ends);
        }
        else
        {
            json.WriteNull("endsAt");
        }

        json.WriteString("reviewer", g.Reviewer);
        json.WriteString("reviewJustification", g.ReviewJustification);
        json.WriteString("url", links.AccessApi(g.GrantId));
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
