using System.Text.Json;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Forwarding;
using Gatehouse.Protocols.Mcp;
using Gatehouse.Storage.Approvals;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Mcp.Approvals;

/// <summary>Answers a held stateless call with the <c>input_required</c> result (HTTP 200, one JSON-RPC response).</summary>
internal static class McpInputRequiredResponse
{
    public static async Task<int> WriteAsync(HttpContext context, Exchange exchange, ApprovalRequest approval, McpInputRequest ask)
    {
        exchange.Fail(ExchangeFailureCode.ApprovalInputRequired, $"approval {approval.Id} pending; the client was sent the review's URL and request state");
        if (context.Response.HasStarted || exchange.Request?.Mcp?.Id is not { } id)
        {
            return StatusCodes.Status200OK;
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers[UpstreamTransformer.ExchangeHeader] = exchange.Id;
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        McpInputRequired.Write(writer, id, ask.Message, ask.Url, ask.State);
        await writer.FlushAsync(context.RequestAborted);
        return StatusCodes.Status200OK;
    }
}
