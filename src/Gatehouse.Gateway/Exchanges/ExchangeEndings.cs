using Gatehouse.Audit;
using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Decisions;
using Gatehouse.Protocols;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Exchanges;

/// <summary>
/// Ends an exchange and records how it ended: the outcome after forwarding, a refusal (problem+json after the intent
/// is recorded), a held request that was not approved, and a body that never fully arrived.
/// </summary>
/// <remarks>
/// Every path out of <see cref="ExchangeHandler"/> after identification goes through here, so that each exchange gets
/// exactly one intent and one outcome whatever happened to the client. Its log lines are the handler's (same category).
/// </remarks>
internal sealed class ExchangeEndings(GatehouseConfig config, IAuditTrail audit, OutcomeAppends outcomes, ILogger<ExchangeHandler> logger)
{
    private readonly GatehouseConfig _config = config;
    private readonly IAuditTrail _audit = audit;
    private readonly OutcomeAppends _outcomes = outcomes;
    private readonly ILogger<ExchangeHandler> _logger = logger;

    /// <summary>
    /// Records the exchange's outcome. The append is queued, the response is completed to the client, and the request
    /// ends without waiting for the commit: neither the client nor the next request on its connection waits for it.
    /// The append is tracked by <see cref="OutcomeAppends"/>, which the host's shutdown drains before the audit writer
    /// stops; when as many appends as it allows are in flight, the request ends only once a slot is free.
    /// </summary>
    public async Task RecordOutcomeAsync(HttpContext context, Exchange exchange, int status)
    {
        var summary = exchange.ResponseSummary;
        if (summary is not null && exchange.Adapter is not null)
        {
            if (summary.Error is null)
            {
                exchange.Coverage |= Coverage.ResponseParsed;
            }
            else if (status < 400)
            {
                exchange.Fail(ExchangeFailureCode.MalformedResponse, summary.Error);
            }
        }

        ExchangeIntent? late = null;
        if (exchange.IntentDeferred)
        {
            // Failure mode open: the exchange went through unrecorded; record its intent now, late, and say so.
            late = ExchangeRecords.Intent(exchange, _config.Audit);
            exchange.Fail(ExchangeFailureCode.AuditIntentLate, "forwarded before its intent was durable: the audit store failed and audit.failureMode is open");
        }

        if (exchange.Failure is { } failure)
        {
            Log.ExchangeFailed(_logger, exchange.Id, exchange.Connection?.Name ?? "", failure.ToName(), exchange.FailureDetail ?? "");
        }

        var outcome = ExchangeRecords.Outcome(exchange, status, summary, _config.Audit);

        // The client may be gone; the outcome is recorded regardless. Queued before the response's end when a slot is
        // free (the usual case), else after it: the end of the response never waits for the audit.
        if (_outcomes.TryReserve())
        {
            _ = AppendOutcomeAsync(exchange.Id, late, outcome);
            await CompleteResponseAsync(context, exchange);
        }
        else
        {
            await CompleteResponseAsync(context, exchange);
            await _outcomes.ReserveAsync();
            _ = AppendOutcomeAsync(exchange.Id, late, outcome);
        }

        Log.ExchangeCompleted(_logger, exchange.Id, exchange.Connection?.Name ?? "", exchange.Api.ToName(), status, exchange.Elapsed.TotalMilliseconds);
    }

    /// <summary>Appends a late intent (if any) and the outcome, logs a failure, and gives the slot back; nothing awaits it but a drain.</summary>
    private async Task AppendOutcomeAsync(string exchangeId, ExchangeIntent? late, ExchangeOutcome outcome)
    {
        try
        {
            if (late is not null)
            {
                var recorded = await _audit.RecordIntentAsync(late, CancellationToken.None);
                if (!recorded.Success)
                {
                    Log.OutcomeFailed(_logger, exchangeId, recorded.Error!);
                }
            }

            var written = await _audit.RecordOutcomeAsync(outcome, CancellationToken.None);
            if (!written.Success)
            {
                Log.OutcomeFailed(_logger, exchangeId, written.Error!);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Broad on purpose: nothing awaits this task, so an exception would vanish unobserved. The trail reports
            // failures as results; this is a broken invariant, logged without its message (it could quote content).
            Log.OutcomeFailed(_logger, exchangeId, $"the audit append threw {e.GetType().Name}");
        }
        finally
        {
            _outcomes.Release();
        }
    }

    public async Task<int> EndHeldAsync(HttpContext context, Exchange exchange, ApprovalOutcome outcome)
    {
        var status = await ExchangeResponses.WriteHeldEndAsync(context, exchange, outcome);
        await RecordOutcomeAsync(context, exchange, status);
        return status;
    }

    /// <summary>
    /// Records a body that ended early, arrived too slowly, or was cut by the client; answers 408 or 400 as problem+json
    /// if the client still listens.
    /// </summary>
    public async Task<int> EndIncompleteAsync(HttpContext context, Exchange exchange, int status)
    {
        exchange.Decision = ExchangeDecision.Deny;
        exchange.DecisionReason = ExchangeFailureCode.RequestBodyIncomplete.ToName();
        exchange.Fail(ExchangeFailureCode.RequestBodyIncomplete, "the request body ended before its declared length or arrived too slowly");
        var intent = await _audit.RecordIntentAsync(ExchangeRecords.Intent(exchange, _config.Audit), CancellationToken.None);
        if (intent.Success)
        {
            exchange.Coverage |= Coverage.AuditIntent;
        }

        try
        {
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await ExchangeResponses.WriteProblemAsync(context, status, ExchangeFailureCode.RequestBodyIncomplete, "Incomplete request body",
                    status == StatusCodes.Status408RequestTimeout
                        ? $"The request body arrived slower than {_config.Limits.MinRequestBodyBytesPerSecond} bytes a second; send it at once."
                        : "The request body ended before its declared Content-Length.",
                    exchange.Id);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Broad on purpose: the connection is already broken (Kestrel may have answered 408 or 400 itself and closed
            // it), so whatever writing to it throws, the exchange's record below must still be written.
        }

        await RecordOutcomeAsync(context, exchange, status);
        return status;
    }

    public async Task<int> RefuseAsync(
        HttpContext context, Exchange exchange, int status, ExchangeFailureCode code, string title, string detail, Action<System.Text.Json.Utf8JsonWriter>? members = null)
    {
        exchange.Decision = ExchangeDecision.Deny;
        exchange.DecisionReason = code.ToName();
        Log.Refused(_logger, exchange.Id, code.ToName(), exchange.Connection?.Name ?? "", exchange.Caller?.Subject ?? "");
        var intent = await _audit.RecordIntentAsync(ExchangeRecords.Intent(exchange, _config.Audit), CancellationToken.None);
        if (intent.Success)
        {
            exchange.Coverage |= Coverage.AuditIntent;
        }

        await ExchangeResponses.WriteProblemAsync(context, status, code, title, detail, exchange.Id, members);
        await RecordOutcomeAsync(context, exchange, status);
        return status;
    }

    /// <summary>
    /// Records a body the adapter could not understand: 400 problem+json <c>invalid_request_body</c>, except a JSON-RPC
    /// batch from a 2025-03-26 MCP client, whose requests are each answered with a JSON-RPC error (<see cref="Mcp.McpBatch"/>).
    /// </summary>
    public async Task<int> RefuseBodyAsync(HttpContext context, Exchange exchange, Protocols.Json.RequestJson? json, string detail)
    {
        if (exchange.Api != ApiKind.Mcp || json is null || Mcp.McpBatch.RequestsToAnswer(json.Root, context.Request.Headers) is not { } ids)
        {
            return await RefuseAsync(context, exchange, StatusCodes.Status400BadRequest, ExchangeFailureCode.InvalidRequestBody, "Invalid request body", detail);
        }

        await RecordRefusalIntentAsync(exchange, ExchangeFailureCode.McpBatchUnsupported);
        await Mcp.McpBatch.WriteAsync(context, ids, exchange.Id);
        await RecordOutcomeAsync(context, exchange, StatusCodes.Status200OK);
        return StatusCodes.Status200OK;
    }

    /// <summary>Records a refusal by the decide stage: an MCP request's policy denial (or unaccepted tool) as a JSON-RPC error, any other as problem+json.</summary>
    public Task<int> RefuseDecisionAsync(HttpContext context, Exchange exchange, Refusal denied)
        => exchange.Request?.Mcp is { Kind: Protocols.Mcp.McpMessageKind.Request } call && denied.Code is ExchangeFailureCode.PolicyDenied or ExchangeFailureCode.McpToolNotAccepted
            ? RefuseMcpAsync(context, exchange, call.Id, denied.Code, denied.Detail)
            : RefuseAsync(context, exchange, denied.Status, denied.Code, denied.Title, denied.Detail);

    /// <summary>
    /// Records an MCP request refused by policy and answers it with a JSON-RPC error for its id (HTTP 200), as an MCP
    /// client expects a refused call to be answered; the audit records the refusal as any other.
    /// </summary>
    public async Task<int> RefuseMcpAsync(HttpContext context, Exchange exchange, string? id, ExchangeFailureCode code, string detail)
    {
        await RecordRefusalIntentAsync(exchange, code);
        await Mcp.McpErrorResponse.WriteAsync(context, id, code, detail, exchange.Id);
        await RecordOutcomeAsync(context, exchange, StatusCodes.Status200OK);
        return StatusCodes.Status200OK;
    }

    private async Task RecordRefusalIntentAsync(Exchange exchange, ExchangeFailureCode code)
    {
        exchange.Decision = ExchangeDecision.Deny;
        exchange.DecisionReason = code.ToName();
        Log.Refused(_logger, exchange.Id, code.ToName(), exchange.Connection?.Name ?? "", exchange.Caller?.Subject ?? "");
        var intent = await _audit.RecordIntentAsync(ExchangeRecords.Intent(exchange, _config.Audit), CancellationToken.None);
        if (intent.Success)
        {
            exchange.Coverage |= Coverage.AuditIntent;
        }
    }

    /// <summary>Sends the end of the response (the last chunk, or the end of the stream) now rather than when the handler returns.</summary>
    /// <remarks>
    /// Not when the client is gone, nor for a response that failed after it started: such a response was cut on
    /// purpose (reset or aborted), and completing it could make a truncated answer look whole.
    /// </remarks>
    private static async Task CompleteResponseAsync(HttpContext context, Exchange exchange)
    {
        if (context.RequestAborted.IsCancellationRequested || (exchange.Failure is not null && context.Response.HasStarted))
        {
            return;
        }

        try
        {
            await context.Response.CompleteAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Broad on purpose: the connection may break while the end is written (Kestrel reports that as several
            // exception types), and the exchange's outcome, being written meanwhile, must still be tracked and logged.
        }
    }
}
