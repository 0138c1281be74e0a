using System.Text.Json;

namespace Gatehouse.Protocols.Mcp;

/// <summary>The JSON-RPC errors the gateway answers MCP requests with, and how they are written.</summary>
/// <remarks>
/// JSON-RPC 2.0 reserves -32768 to -32000; MCP keeps -32000 to -32019 as legacy and -32020 to -32099 for codes its
/// specification defines (2026-07-28 "Overview", "Error Codes"). Where the specification defines a code for what the
/// gateway answers itself, the gateway uses it with its specified meaning; its own refusals, which the specification does
/// not name, lie outside the reserved range ("New error codes for purposes not defined by this specification SHOULD be
/// allocated outside the JSON-RPC reserved range").
/// </remarks>
public static class McpErrorCodes
{
    /// <summary>The request was refused by the gateway: by its policy, not approved by a reviewer, or not forwardable (-31403).</summary>
    public const int Refused = -31403;

    /// <summary>
    /// The HTTP headers do not match the body, or a required standard header is missing or malformed (-32020,
    /// <c>HeaderMismatch</c>; 2026-07-28 Streamable HTTP, "Server Validation"), answered with HTTP 400.
    /// </summary>
    public const int HeaderMismatch = -32020;

    /// <summary>
    /// The requested protocol version is not one the gateway serves (-32022, <c>UnsupportedProtocolVersion</c>;
    /// 2026-07-28 "Versioning", "Protocol Version Negotiation"), answered with HTTP 400 and <c>data.supported</c>/<c>data.requested</c>.
    /// </summary>
    public const int UnsupportedProtocolVersion = -32022;

    /// <summary>
    /// JSON-RPC's method not found (-32601): what a client answers a server's request for a capability it did not declare
    /// ("Roots", "Error Handling": "Client does not support roots: -32601"), as the gateway answers refused sampling.
    /// </summary>
    public const int MethodNotFound = -32601;

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
