using Gatehouse.Audit;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
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
internal sealed class ExchangeEndings(GatehouseConfig config, IAuditTrail audit, ILogger<ExchangeHandler> logger)
{
    private readonly GatehouseConfig _config = config;
    private readonly IAuditTrail _audit = audit;
    private readonly ILogger<ExchangeHandler> _logger = logger;

    public async Task RecordOutcomeAsync(Exchange exchange, int status)
    {
        // A held response's body was whole even when the client got a refusal instead; the audit keeps what was held.
        var summary = exchange.Response?.Complete(exchange.Failure is null || exchange.ResponseHoldOutcome is not null);
        if (exchange.ResponseMasker is { } masker)
        {
            // Flushes channels a cut stream left open, so their findings are recorded too; their text is discarded.
            masker.Dispose();
            exchange.ResponseFindings.AddRange(masker.Findings);
            exchange.ResponseRewriter?.Dispose();
        }

        if (summary is not null && exchange.Adapter is not null)
        {
            if (summary.Error is null)
            {
                exchange.Coverage |= Coverage.ResponseParsed;
            }
            else if (status < 400)
            {
                exchange.Fail("malformed_response", summary.Error);
            }
        }

        if (exchange.IntentDeferred)
        {
            // Failure mode open: the exchange went through unrecorded; record its intent now, late, and say so.
            var late = await _audit.RecordIntentAsync(ExchangeRecords.Intent(exchange, _config.Audit), CancellationToken.None);
            if (!late.Success)
            {
                Log.OutcomeFailed(_logger, exchange.Id, late.Error!);
            }

            exchange.Fail("audit_intent_late", "forwarded before its intent was durable: the audit store failed and audit.failureMode is open");
        }

        if (exchange.Failure is not null)
        {
            Log.ExchangeFailed(_logger, exchange.Id, exchange.Connection?.Name ?? "", exchange.Failure, exchange.FailureDetail ?? "");
        }

        var outcome = ExchangeRecords.Outcome(exchange, status, summary, _config.Audit);

        // The client may be gone; the outcome is recorded regardless.
        var written = await _audit.RecordOutcomeAsync(outcome, CancellationToken.None);
        if (!written.Success)
        {
            Log.OutcomeFailed(_logger, exchange.Id, written.Error!);
        }

        Log.ExchangeCompleted(_logger, exchange.Id, exchange.Connection?.Name ?? "", exchange.Api.ToName(), status, exchange.Elapsed.TotalMilliseconds);
    }

    public async Task<int> EndHeldAsync(HttpContext context, Exchange exchange, ApprovalOutcome outcome)
    {
        var status = await ExchangeResponses.WriteHeldEndAsync(context, exchange, outcome);
        await RecordOutcomeAsync(exchange, status);
        return status;
    }

    /// <summary>
    /// Records a body that ended early, arrived too slowly, or was cut by the client; answers 408 or 400 as problem+json
    /// if the client still listens.
    /// </summary>
    public async Task<int> EndIncompleteAsync(HttpContext context, Exchange exchange, int status)
    {
        exchange.Decision = "deny";
        exchange.DecisionReason = "request_body_incomplete";
        exchange.Fail("request_body_incomplete", "the request body ended before its declared length or arrived too slowly");
        var intent = await _audit.RecordIntentAsync(ExchangeRecords.Intent(exchange, _config.Audit), CancellationToken.None);
        if (intent.Success)
        {
            exchange.Coverage |= Coverage.AuditIntent;
        }

        try
        {
            if (!context.RequestAborted.IsCancellationRequested)
            {
                await ExchangeResponses.WriteProblemAsync(context, status, "request_body_incomplete", "Incomplete request body",
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

        await RecordOutcomeAsync(exchange, status);
        return status;
    }

    public async Task<int> RefuseAsync(HttpContext context, Exchange exchange, int status, string code, string title, string detail)
    {
        exchange.Decision = "deny";
        exchange.DecisionReason = code;
        Log.Refused(_logger, exchange.Id, code, exchange.Connection?.Name ?? "", exchange.Caller?.Subject ?? "");
        var intent = await _audit.RecordIntentAsync(ExchangeRecords.Intent(exchange, _config.Audit), CancellationToken.None);
        if (intent.Success)
        {
            exchange.Coverage |= Coverage.AuditIntent;
        }

        await ExchangeResponses.WriteProblemAsync(context, status, code, title, detail, exchange.Id);
        await RecordOutcomeAsync(exchange, status);
        return status;
    }
}
