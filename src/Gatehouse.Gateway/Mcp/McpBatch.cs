using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Forwarding;
using Gatehouse.Protocols.Mcp;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Mcp;

/// <summary>
/// Answers a JSON-RPC batch from a client of the one revision that allows batches over Streamable HTTP (2025-03-26,
/// "Sending Messages to the Server": a POST body may be an array of requests and/or notifications): each request in it
/// gets its own JSON-RPC error, in one batch response, so the client's calls end cleanly rather than hang.
/// </summary>
/// <remarks>
/// <para>The gateway decides, masks, holds and records one message per exchange, so it does not forward a batch
/// (forwarding one undecided would break fail-closed). 2025-06-18 removed batches ("Remove support for JSON-RPC
/// batching"), and so does every later revision: there a batch is a malformed request, refused with 400 problem+json
/// <c>invalid_request_body</c> as before. A batch of only notifications or responses has no request to answer and
/// is refused the same way (2025-03-26 asks for an HTTP error status for input the server cannot accept).</para>
/// <para>A request without <c>MCP-Protocol-Version</c> is read as 2025-03-26, as everywhere else.</para>
/// </remarks>
internal static class McpBatch
{
    /// <summary>Returns the ids (as JSON text) of the requests in <paramref name="root"/> when it is a batch to answer per request, else null.</summary>
    public static IReadOnlyList<string>? RequestsToAnswer(JsonElement root, IHeaderDictionary headers)
    {
        var version = headers.TryGetValue(McpHeaderCheck.ProtocolVersionHeader, out var values) && values.Count > 0 ? values.ToString() : McpVersions.Default;
        if (root.ValueKind != JsonValueKind.Array || version != McpVersions.Default)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var element in root.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("method", out _)
                && element.TryGetProperty("id", out var id) && id.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                ids.Add(id.GetRawText());
            }
        }

        return ids.Count == 0 ? null : ids;
    }

    /// <summary>Writes the batch response: HTTP 200, one JSON-RPC error per request id.</summary>
    public static async Task WriteAsync(HttpContext context, IReadOnlyList<string> ids, string exchangeId)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers[UpstreamTransformer.ExchangeHeader] = exchangeId;
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartArray();
        foreach (var id in ids)
        {
            McpErrorCodes.WriteError(writer, id, McpErrorCodes.Refused,
                "The gateway does not forward JSON-RPC batches: it decides and records each message on its own. Send each request in its own POST.",
                data =>
                {
                    data.WriteString("code", ExchangeFailureCode.McpBatchUnsupported.ToName());
                    data.WriteString("exchange", exchangeId);
                });
        }

        writer.WriteEndArray();
        await writer.FlushAsync(context.RequestAborted);
    }
}
