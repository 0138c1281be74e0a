using System.Globalization;
using System.Text.Json;
using Gatehouse.Cli;
using Gatehouse.Storage.Agents;

namespace Gatehouse.Agents;

/// <summary>The text and JSON of the <c>agents</c> verbs.</summary>
internal static class AgentText
{
    /// <summary>Renders the answer of <c>GET /api/agents</c> as a table.</summary>
    public static string Describe(string json)
    {
        using var document = JsonDocument.Parse(json);
        var rows = document.RootElement.EnumerateArray().Select(a => new[]
        {
            Text(a, "name"), Text(a, "since") is { Length: > 0 } since ? Time(DateTimeOffset.Parse(since, CultureInfo.InvariantCulture)) : "-",
            Text(a, "remoteAddress"), Text(a, "version"),
            a.GetProperty("inFlight").GetInt32().ToString(CultureInfo.InvariantCulture),
            a.GetProperty("requests").GetInt64().ToString(CultureInfo.InvariantCulture),
            string.Join(",", a.GetProperty("upstreams").EnumerateArray().Select(u => u.GetString())),
        });
        return TextTable.Render(["AGENT", "SINCE", "FROM", "VERSION", "IN FLIGHT", "REQUESTS", "UPSTREAMS"], rows).TrimEnd('\n');
    }

    /// <summary>The tokens as <c>agents tokens --json</c> writes them: everything but the hash of the secret.</summary>
    public static string TokensJson(IReadOnlyList<AgentTokenRecord> tokens)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var token in tokens)
            {
                json.WriteStartObject();
                json.WriteString("id", token.Id);
                json.WriteString("agent", token.AgentName);
                json.WriteString("createdAt", token.CreatedAt);
                WriteTime(json, "expiresAt", token.ExpiresAt);
                WriteTime(json, "revokedAt", token.RevokedAt);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteTime(Utf8JsonWriter json, string name, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            json.WriteString(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "-" : "-";

    private static string Time(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
