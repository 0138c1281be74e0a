using System.Text.Json;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Protocols.Mcp;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;

namespace Gatehouse.Gateway.Mcp.Sampling;

/// <summary>
/// Keeps server-initiated sampling off a connection whose <c>mcp.sampling</c> is <c>deny</c> (the default): the server
/// is not told the client can sample, and a <c>sampling/createMessage</c> it sends anyway never reaches the client.
/// </summary>
/// <remarks>
/// A server must not send requests for a capability the client did not declare ("Lifecycle", "Capability Negotiation";
/// 2026-07-28 "Overview": "A server MUST NOT rely on capabilities the client has not declared"), so a well-behaved server
/// never asks; one that asks anyway is answered by <see cref="McpSamplingRefusals"/>.
/// </remarks>
internal static class McpSamplingGate
{
    /// <summary>Takes the <c>sampling</c> capability out of the request the server will see, when the connection denies sampling.</summary>
    public static void RemoveCapability(Exchange exchange)
    {
        if (exchange.Request?.Mcp is { DeclaresSampling: true } && Denies(exchange))
        {
            exchange.RequestBody = McpSamplingCapability.Remove(exchange.RequestBody);
        }
    }

    /// <summary>
    /// Returns the gate of a response stream on an MCP connection that denies sampling (it withholds each
    /// <c>sampling/createMessage</c> and has it answered), or null when the connection allows sampling.
    /// </summary>
    public static Func<JsonElement, bool>? For(Exchange exchange, HttpRequest request, McpSamplingRefusals refusals, TimeProvider time)
    {
        if (!Denies(exchange))
        {
            return null;
        }

        var connection = exchange.Connection!;
        var endpoint = new Uri(RequestUtilities.MakeDestinationAddress(connection.DestinationPrefix, exchange.UpstreamPath, new QueryString(exchange.Query)).AbsoluteUri);
        var session = Header(request, "Mcp-Session-Id");
        var version = Header(request, "MCP-Protocol-Version");
        var (exchangeId, subject) = (exchange.Id, exchange.Caller?.Subject);
        return message =>
        {
            if (!message.GetProperty("method"u8).ValueEquals(McpSamplingCapability.CreateMessage))
            {
                return false;
            }

            refusals.Refuse(new McpSamplingRefusal(connection, endpoint, session, version, message.GetProperty("id"u8).GetRawText(), exchangeId, subject, time.GetUtcNow()));
            return true;
        };
    }

    private static bool Denies(Exchange exchange)
        => exchange.Connection?.Config is { Kind: "mcp", Mcp.Sampling: McpSampling.Deny };

    private static string? Header(HttpRequest request, string name)
        => request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values.ToString() : null;
}
