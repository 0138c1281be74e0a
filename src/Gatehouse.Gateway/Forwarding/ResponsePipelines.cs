using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Masking;
using Gatehouse.Masking;
using Gatehouse.Policy;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Pipeline;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.Gateway.Forwarding;

/// <summary>
/// Builds one response's pipeline when the upstream's headers arrive: masking when the connection masks responses,
/// a hold when policy may hold it, and the exchange's adapter (or the generic path) for everything else.
/// </summary>
/// <remarks>
/// <para>A body the gateway must mask or hold but cannot read (a compressed one) gets no masking and no hold; it is
/// reported as unreadable so that the tap fails closed. An error status's body is masked whole. Masking or holding
/// changes the body's length, so the client is not told one.</para>
/// <para>Endpoints of a model connection that no adapter understands (stored responses fetched by id, batch results,
/// files, legacy completions) carry model text too: their responses are masked generically, every name and string of
/// JSON and JSON Lines, each event of a stream, or the whole of a text body; a body that is none of these is not
/// released.</para>
/// </remarks>
internal sealed class ResponsePipelines(
    MaskingEngine engine, ProtocolRegistry protocols, GatehouseConfig config, Decisions.DecisionStage decisions, Mcp.Sampling.McpSamplingRefusals sampling, TimeProvider time)
{
    /// <summary>
    /// Returns whether the exchange's response will be masked: an understood API, or any endpoint of a model or MCP
    /// connection (an MCP server's GET stream carries its notifications and requests, masked generically).
    /// </summary>
    public static bool Masks(Exchange exchange)
        => exchange.ResponseMasking != MaskingMode.Off
            && (exchange.Adapter is not null
                || (exchange.Connection is { } connection && (ProtocolRegistry.IsModelConnection(connection.Config.Kind) || connection.Config.Kind == "mcp")));

    public BuiltResponse Build(Exchange exchange, HttpResponseMessage upstream, HttpResponse client)
    {
        var status = (int)upstream.StatusCode;
        var masks = Masks(exchange);
        var mayHold = exchange.ResponseHold is not null && upstream.IsSuccessStatusCode;
        var encoding = upstream.Content.Headers.ContentEncoding;
        string? unreadable = null;
        if (encoding.Count > 0 && !encoding.All(e => e.Equals("identity", StringComparison.OrdinalIgnoreCase)) && (masks || mayHold))
        {
            unreadable = $"the upstream sent a {string.Join(",", encoding)}-encoded response, which cannot be {(masks ? "masked" : "held for review")}";
            masks = false;
            mayHold = false;
        }

        var masker = masks ? new MaskingTextRewriter(engine) : null;

        // A server's sampling request on a connection that denies it is withheld from the client and answered (mcp.sampling).
        var withhold = Mcp.Sampling.McpSamplingGate.For(exchange, client.HttpContext.Request, sampling, time);
        if (masks || mayHold || withhold is not null)
        {
            client.ContentLength = null;
        }

        var options = new ResponsePipelineOptions
        {
            ContentType = exchange.UpstreamContentType,
            Masking = masker,
            BodyRewriter = masker is not null && status >= 400 ? new ErrorBodyRewriter(masker) : null,

            // tools/list answers only the tools whose definition is accepted (pinning) and the caller may call (policy
            // decides each name as a call would be); the pins see every tool, whatever policy shows this caller.
            WithholdServerRequest = withhold,
            ToolFilter = exchange.Request?.Mcp is { Method: Protocols.Mcp.McpMessage.ToolsList } && status is >= 200 and < 300
                ? (tool, definition) => (exchange.ToolListing?.Shows(tool, definition) ?? true) && decisions.MayCall(exchange, tool)
                : null,
            Hold = mayHold && exchange.Adapter is not null && status is >= 200 and < 300
                ? new ResponseHoldOptions(exchange.ResponseHold!.Scope == ResponseHoldScope.Whole, config.ResponseHolds.MaxHeldBytes)
                : null,
        };
        // An MCP notification or response is answered 202 with no body, not with a JSON-RPC message: nothing of it is the
        // adapter's to read, and whatever body it has is masked generically.
        var adapter = exchange.Request?.Mcp is { Kind: not Protocols.Mcp.McpMessageKind.Request } ? null : exchange.Adapter;
        var pipeline = adapter?.CreateResponsePipeline(options)
            ?? protocols.CreateOpaquePipeline(options.ContentType, masker, options.BodyRewriter, config.Audit.BodyCapBytes, withhold);
        return new BuiltResponse(pipeline, masker, unreadable);
    }
}
