using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Forwarding;
using Gatehouse.Protocols.Mcp;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Mcp;

/// <summary>
/// Answers an MCP request the gateway refused by policy as the protocol expects an answer: HTTP 200 with a JSON-RPC
/// error for the request's id, code <see cref="McpErrorCodes.Refused"/>, and the gateway's stable code and exchange id in
/// <c>error.data</c>. An MCP client shows the message to its user (or model) instead of failing the session.
/// </summary>
internal static class McpErrorResponse
{
    public static async Task WriteAsync(HttpContext context, string? id, ExchangeFailureCode code, string message, string exchangeId)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers[UpstreamTransformer.ExchangeHeader] = exchangeId;
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        McpErrorCodes.WriteError(writer, id, McpErrorCodes.Refused, message, data =>
        {
            data.WriteString("code", code.ToName());
            data.WriteString("exchange", exchangeId);
        });
        await writer.FlushAsync(context.RequestAborted);
    }
}
