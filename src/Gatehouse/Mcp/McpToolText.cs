using System.Globalization;
using System.Text;
using System.Text.Json;
using Gatehouse.Cli;

namespace Gatehouse.Mcp;

/// <summary>The text of the <c>mcp tools</c> verbs, from the admin API's JSON.</summary>
internal static class McpToolText
{
    /// <summary>Renders <c>GET /api/mcp/tools/{connection}</c> as a table.</summary>
    public static string Describe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.EnumerateArray().Select(t => new[]
        {
            Text(t, "tool"), Text(t, "state"), Short(Text(t, "acceptedHash")), Text(t, "acceptedBy"), Time(t, "acceptedAt"), Short(Text(t, "pendingHash")), Time(t, "pendingSince"),
        }).ToList();
        return rows.Count == 0
            ? "No pinned tools: the connection has not been listed through the gateway yet."
            : TextTable.Render(["TOOL", "STATE", "ACCEPTED", "BY", "AT", "PENDING", "SINCE"], rows).TrimEnd('\n');
    }

    /// <summary>Renders each pending definition against the accepted one as a unified diff.</summary>
    public static string Diff(string json)
    {
        using var document = JsonDocument.Parse(json);
        var text = new StringBuilder();
        foreach (var tool in document.RootElement.EnumerateArray())
        {
            if (Text(tool, "pendingHash").Length == 0)
            {
                continue;
            }

            var (connection, name) = (Text(tool, "connection"), Text(tool, "tool"));
            var accepted = Text(tool, "accepted");
            text.Append(CultureInfo.InvariantCulture, $"--- {connection}/{name} accepted {(accepted.Length == 0 ? "(none: a new tool)" : Text(tool, "acceptedHash"))}\n");
            text.Append(CultureInfo.InvariantCulture, $"+++ {connection}/{name} pending {Text(tool, "pendingHash")} (since {Time(tool, "pendingSince")})\n");
            LineDiff.Write(text, Lines(accepted), Lines(Text(tool, "pending")));
            text.Append(CultureInfo.InvariantCulture, $"accept with: gatehouse mcp tools accept --connection {connection} --tool {name} --hash {Text(tool, "pendingHash")}\n\n");
        }

        return text.Length == 0 ? "No pending tool definitions." : text.ToString().TrimEnd('\n');
    }

    /// <summary>Renders the answer of an accept.</summary>
    public static string Accepted(string json)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join('\n', document.RootElement.EnumerateArray().Select(t => $"Accepted {Text(t, "tool")} on {Text(t, "connection")} ({Text(t, "acceptedHash")})."));
    }

    // A definition's canonical JSON, one member per line, so that a diff shows what changed.
    private static string[] Lines(string canonical)
    {
        if (canonical.Length == 0)
        {
            return [];
        }

        using var document = JsonDocument.Parse(canonical);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.RootElement.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Split('\n');
    }

    private static string Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash.Length == 0 ? "-" : hash;

    private static string Time(JsonElement e, string name) => Text(e, name) is { Length: > 0 } t
        ? DateTimeOffset.Parse(t, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : "-";
}
