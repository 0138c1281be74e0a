using System.Text.Json;

namespace Gatehouse.Protocols.Mcp;

/// <summary>The JSON-RPC errors the gateway answers MCP requests with, and how they are written.</summary>
/// <remarks>
/// JSON-RPC 2.0 reserves -32768 to -32000; MCP keeps -32000 to -32019 as legacy and -32020 to -32099 for its own
/// specification, so the gateway's own code lies outside both, in the space JSON-RPC leaves to applications.
/// </remarks>
public static class McpErrorCodes
{
    /// <summary>The request was refused by the gateway: by its policy, not approved by a reviewer, or not forwardable (-31403).</summary>
    public const int Refused = -31403;

    /// <summary>Writes a JSON-RPC error response: <paramref name="id"/> is the request's id as JSON text, or null.</summary>
    public static void WriteError(Utf8JsonWriter writer, string? id, int code, string message, Action<Utf8JsonWriter>? data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteErrorMembers(writer, id, code, message, data);
        writer.WriteEndObject();
    }

    /// <summary>Writes the members of a JSON-RPC error response into an object already open.</summary>
    public static void WriteErrorMembers(Utf8JsonWriter writer, string? id, int code, string message, Action<Utf8JsonWriter>? data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        if (id is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteRawValue(id, skipInputValidation: false);
        }

        writer.WriteStartObject("error");
        writer.WriteNumber("code", code);
        writer.WriteString("message", message);
        if (data is not null)
        {
            writer.WritePropertyName("data");
            writer.WriteStartObject();
            data(writer);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
