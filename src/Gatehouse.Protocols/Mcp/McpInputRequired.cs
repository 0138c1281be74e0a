using System.Text.Json;

namespace Gatehouse.Protocols.Mcp;

/// <summary>
/// Writes the <c>input_required</c> result of the stateless revision (MCP 2026-07-28, "Multi Round-Trip Requests",
/// <c>InputRequiredResult</c>) with one URL-mode elicitation (client/elicitation, "URL Mode Elicitation Requests") and
/// the request state the client must echo when it retries.
/// </summary>
public static class McpInputRequired
{
    /// <summary>The key of the gateway's one input request in <c>inputRequests</c> (and the client's <c>inputResponses</c>).</summary>
    public const string ApprovalKey = "gatehouse_approval";

    /// <summary>Writes the JSON-RPC response: <paramref name="id"/> is the request's id as JSON text.</summary>
    public static void Write(Utf8JsonWriter writer, string id, string message, Uri url, string requestState)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(url);
        writer.WriteStartObject();
        writer.WriteString("jsonrpc", "2.0");
        writer.WritePropertyName("id");
        writer.WriteRawValue(id, skipInputValidation: false);
        writer.WriteStartObject("result");
        writer.WriteString("resultType", "input_required");
        writer.WriteStartObject("inputRequests");
        writer.WriteStartObject(ApprovalKey);
        writer.WriteString("method", "elicitation/create");
        writer.WriteStartObject("params");
        writer.WriteString("mode", "url");
        writer.WriteString("message", message);
        writer.WriteString("url", url.AbsoluteUri);
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteString(McpRetryFields.RequestState, requestState);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
