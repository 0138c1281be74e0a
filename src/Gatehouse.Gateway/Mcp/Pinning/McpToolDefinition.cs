using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Gatehouse.Gateway.Mcp.Pinning;

/// <summary>
/// The canonical form of an MCP tool definition, and its SHA-256: what a pin compares.
/// </summary>
/// <remarks>
/// <para>The members pinned are what the specification (2025-11-25, "Tool") lists as the definition a client and its
/// model act on: <c>name</c>, <c>title</c>, <c>description</c>, <c>inputSchema</c>, <c>outputSchema</c> and
/// <c>annotations</c>. Annotations are in because the specification calls them part of the definition and clients act
/// on them (a tool that turns <c>destructiveHint</c> off may be auto-approved). Left out: <c>icons</c> (display only),
/// <c>execution</c> (how a call runs, not what it does) and <c>_meta</c> (servers put per-response data there).</para>
/// <para>Canonical JSON: those members in that order, every nested object's members sorted by ordinal name, no
/// whitespace, strings re-escaped by one writer and numbers as written; a member absent and a member that is
/// <c>null</c> are the same.</para>
/// </remarks>
internal static class McpToolDefinition
{
    private static readonly string[] Members = ["name", "title", "description", "inputSchema", "outputSchema", "annotations"];

    /// <summary>Returns the definition's canonical JSON and the lower-case hex SHA-256 of its UTF-8 bytes.</summary>
    public static (string Hash, string Canonical) Of(JsonElement tool)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var member in Members)
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty(member, out var value) && value.ValueKind != JsonValueKind.Null)
                {
                    writer.WritePropertyName(member);
                    Write(writer, value);
                }
            }

            writer.WriteEndObject();
        }

        return (Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan)), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static void Write(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }
}
