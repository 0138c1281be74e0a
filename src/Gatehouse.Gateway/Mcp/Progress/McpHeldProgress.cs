using System.Text.Json;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Protocols.Mcp;
using Gatehouse.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Progress;

/// <summary>
/// Holds an exchange for review (<see cref="ApprovalGate"/>); a session-based MCP request that accepts an event stream
/// is told, while it waits, that it is still waiting.
/// </summary>
/// <remarks>
/// <para>When the wait outlasts the connection's <c>mcp.progressEvery</c>, the client's response is started as an event
/// stream (Streamable HTTP lets a server answer a request's POST with one, and send notifications that relate to the
/// request before the response) and, every interval, it gets a <c>notifications/progress</c> for the request's
/// <c>progressToken</c>, or an SSE comment when the request carried none: progress may only name a token the requester
/// gave. A hold that ends within the first interval (already approved, over a cap, decided quickly) is answered exactly
/// as before, without a stream. Once started, the stream is the exchange's response (<see cref="McpProgressStream"/>):
/// the upstream's answer after approval, and any JSON-RPC error, are its last event, and the audit records the exchange
/// as it would without a stream.</para>
/// <para>Fail closed: on this path an approval store that fails during the wait ends the call with a JSON-RPC error
/// (<c>approval_unavailable</c>), audited; the call is not forwarded.</para>
/// </remarks>
internal sealed class McpHeldProgress(ApprovalGate approvals, TimeProvider time, ILogger<McpHeldProgress> logger)
{
    public async Task<ApprovalOutcome> HoldAsync(HttpContext context, Exchange exchange, ApprovalRequirement requirement, string rule, CancellationToken cancellationToken)
    {
        if (Interval(context, exchange) is not { } every)
        {
            return await approvals.HoldAsync(exchange, requirement, rule, cancellationToken);
        }

        var holding = approvals.HoldAsync(exchange, requirement, rule, cancellationToken);
        var token = ProgressToken(exchange.RequestBody);
        var message = $"Waiting for a reviewer to approve this call (rule '{rule}').";
        McpProgressStream? stream = null;
        var progress = 0;
        using (var ticks = new CancellationTokenSource())
        {
            while (!holding.IsCompleted)
            {
                var tick = Task.Delay(every, time, ticks.Token);
                if (await Task.WhenAny(holding, tick) == holding)
                {
                    await ticks.CancelAsync();
                    break;
                }

                try
                {
                    if (stream is null)
                    {
                        stream = await McpProgressStream.StartAsync(context, exchange, cancellationToken);
                        Log.Streaming(logger, exchange.Id, token is null ? "comment" : "notifications/progress", every);
                    }

                    await stream.WaitingAsync(token, ++progress, message, cancellationToken);
                }
                catch (Exception e) when (e is IOException or OperationCanceledException)
                {
                    // The client went away; the hold ends with its request, and the exchange is recorded as aborted.
                }
            }
        }

        try
        {
            return await holding;
        }
        catch (StoreUnavailableException e)
        {
            Log.StoreFailed(logger, exchange.Id, e);
            return new ApprovalOutcome((Storage.Approvals.ApprovalRequest?)null) { Unavailable = true };
        }
    }

    /// <summary>
    /// Returns how often to tell the client it is waiting, or null to wait silently: only for a session-based MCP request
    /// (a stateless one has its own path) whose client accepts an event stream, on a connection with <c>progressEvery</c>.
    /// </summary>
    private static TimeSpan? Interval(HttpContext context, Exchange exchange)
        => exchange.Request?.Mcp is { Kind: McpMessageKind.Request, ProtocolVersion: null }
            && !Approvals.McpStatelessHold.Applies(exchange)
            && AcceptsEventStream(context.Request.Headers.Accept)
            ? exchange.Connection?.Config.Mcp.ProgressEvery
            : null;

    private static bool AcceptsEventStream(Microsoft.Extensions.Primitives.StringValues accept)
    {
        foreach (var value in accept)
        {
            foreach (var range in (value ?? "").Split(',', StringSplitOptions.TrimEntries))
            {
                if (range.Split(';')[0].Trim().Equals("text/event-stream", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Returns the request's <c>params._meta.progressToken</c> as JSON text (a string or a number), or null.</summary>
    private static string? ProgressToken(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("params", out var p) && p.ValueKind == JsonValueKind.Object
                && p.TryGetProperty("_meta", out var meta) && meta.ValueKind == JsonValueKind.Object
                && meta.TryGetProperty("progressToken", out var token) && token.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? token.GetRawText()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
