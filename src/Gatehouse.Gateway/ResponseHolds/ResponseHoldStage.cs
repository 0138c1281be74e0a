using Gatehouse.Audit.Records;
using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Decisions;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Protocols;
using Gatehouse.Protocols.Holding;
using Gatehouse.Storage;
using Gatehouse.Storage.Approvals;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>
/// Holds a response that policy may send for review: text streams on, the rest waits in a bounded buffer until the
/// upstream is done; then policy judges the assembled tool calls, and the held bytes are released unchanged, or after
/// a reviewer approves them, or replaced by a refusal in the API's own shape.
/// </summary>
/// <remarks>
/// Only exchanges whose <see cref="Exchange.ResponseHold"/> plan says a rule could hold the response get here, so
/// nothing else is delayed. Fail closed: a response too large or unreadable to judge, or whose hold cannot be audited,
/// is refused rather than released. Every step is audited before the client sees its effect.
/// </remarks>
internal sealed class ResponseHoldStage(
    ResponseReviewer reviewer, ResponseHoldAudit audit, ReviewAudit approvals, GatehouseConfig config, TimeProvider time, ILogger<ResponseHoldStage> logger)
{
    /// <summary>Ends the upstream's body: judges what was held and releases or refuses it.</summary>
    /// <param name="exchange">The exchange whose response it is.</param>
    /// <param name="held">The held response.</param>
    /// <param name="summary">What the held response says (its tool calls), read once by the response pipeline.</param>
    /// <param name="findings">What masking found in the response so far, which policy sees.</param>
    /// <param name="cancellationToken">The client's abort.</param>
    public async Task FinishAsync(
        Exchange exchange, HeldResponse held, ResponseSummary summary, IReadOnlyList<AuditFinding> findings, CancellationToken cancellationToken)
    {
        if (!held.Buffer.IsHolding)
        {
            return;
        }

        try
        {
            var facts = new HoldFacts([], [.. summary.ToolCalls.Select(c => c.Name)], null)
            {
                Held = Exchanges.ExchangeRecords.ToolCalls(exchange, summary.ToolCalls, config.Audit),
            };
            var unreadable = held.Buffer.Error ?? summary.Error ?? (summary.UnknownEvents > 0 ? "it has events of a shape the gateway does not know" : null);
            if (unreadable is { } reason)
            {
                Log.Unreviewable(logger, exchange.Id, reason);
                exchange.Fail(ExchangeFailureCode.ResponseUnreviewable, $"the held response could not be reviewed: {reason}");
                await RefuseAsync(exchange, held, facts, ResponseHoldOutcome.Refused, null, RefusalTexts.Unreviewable(reason), summary, cancellationToken);
                return;
            }

            await JudgeAsync(exchange, held, summary, findings, facts, cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && cancellationToken.IsCancellationRequested)
        {
            // The client left while its response was held; the approval request, if any, stays for the record.
            exchange.Fail(ExchangeFailureCode.ClientAborted, "the client left while its response was held for review");
            Ended(exchange, held, ResponseHoldOutcome.Abandoned, exchange.ResponseHoldOutcome?.ApprovalId, exchange.ResponseHoldOutcome?.Rules ?? []);
        }
    }

    private async Task JudgeAsync(
        Exchange exchange, HeldResponse held, ResponseSummary summary, IReadOnlyList<AuditFinding> findings, HoldFacts facts, CancellationToken cancellationToken)
    {
        var plan = exchange.ResponseHold!;
        var decision = plan.Policy.Evaluate(PolicyContexts.ForResponse(exchange, time.GetUtcNow(), summary.ToolCalls, findings));
        if (decision.Effect == PolicyEffect.Deny && decision.DecidedBy is { } denied)
        {
            // Deny wins over a hold: nobody is asked to approve what policy refuses anyway.
            exchange.Fail(ExchangeFailureCode.PolicyDenied, $"the policy refused the response: rule '{denied}'");
            await RefuseAsync(exchange, held, facts with { Rules = [denied] }, ResponseHoldOutcome.Denied, null, RefusalTexts.Denied(denied, decision.Reason), summary, cancellationToken);
            return;
        }

        var rules = plan.RequestHolds.Concat(plan.Policy.ResponseHolds(decision)).DistinctBy(r => r.Name).ToList();
        if (rules.Count == 0)
        {
            await held.ReleaseAsync(cancellationToken);
            Ended(exchange, held, ResponseHoldOutcome.Released, null, []);
            return;
        }

        var names = rules.Select(r => r.Name).ToList();
        facts = facts with { Rules = names, Digest = ApprovalRequest.DigestOf(held.Buffer.Held.Span) };
        Ended(exchange, held, ResponseHoldOutcome.Held, null, names);
        if (!await audit.RecordAsync(ResponseHoldAudit.Held, exchange, facts, null, null, cancellationToken))
        {
            await UnavailableAsync(exchange, held, facts, summary, cancellationToken);
            return;
        }

        var why = decision.Trail.Where(m => names.Contains(m.Rule)).SelectMany(m => m.Reasons);
        ApprovalOutcome reviewed;
        try
        {
            reviewed = await reviewer.ReviewAsync(exchange, held, rules[0], facts, string.Join("; ", why), cancellationToken);
        }
        catch (StoreUnavailableException)
        {
            await UnavailableAsync(exchange, held, facts, summary, cancellationToken);
            return;
        }

        if (reviewed.Limit is { } limit)
        {
            // The status line has usually gone out already: the client reads the refusal in the API's own shape.
            exchange.Fail(limit.Code, limit.Detail);
            await RefuseAsync(exchange, held, facts, ResponseHoldOutcome.Refused, null, RefusalTexts.Limited(limit), summary, cancellationToken);
            return;
        }

        var request = reviewed.Request!;

        Log.Held(logger, exchange.Id, request.Id, rules[0].Name, held.Buffer.Held.Length);
        if (request.State == ReviewState.Approved)
        {
            await approvals.RecordReleaseAsync(request, exchange.Id, time.GetUtcNow(), CancellationToken.None);
            if (!await audit.RecordAsync(ResponseHoldAudit.Released, exchange, facts, request.Id, ResponseHoldOutcome.Approved, CancellationToken.None))
            {
                await UnavailableAsync(exchange, held, facts, summary, cancellationToken);
                return;
            }

            await held.ReleaseAsync(cancellationToken);
            Ended(exchange, held, ResponseHoldOutcome.Approved, request.Id, names);
            return;
        }

        var outcome = RefusalTexts.OutcomeOf(request.State);
        exchange.Fail(request.State == ReviewState.Pending ? ExchangeFailureCode.ApprovalPending : ExchangeFailureCode.ApprovalRejected,
            $"approval {request.Id} {(request.State == ReviewState.Pending ? "still pending when the wait ended" : ApprovalView.StateName(request.State))}");
        await RefuseAsync(exchange, held, facts, outcome, request.Id, RefusalTexts.Of(request, facts.ToolCalls, rules[0].Approval!.Wait), summary, cancellationToken);
    }

    private async Task RefuseAsync(
        Exchange exchange, HeldResponse held, HoldFacts facts, ResponseHoldOutcome outcome, string? approvalId, string text, ResponseSummary summary, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(ResponseHoldAudit.Refused, exchange, facts, approvalId, outcome, CancellationToken.None);
        var id = (approvalId ?? exchange.Id).Replace("apr_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Text needs no review when only tool calls are held, so the client keeps it; a whole-response hold reviews it too.
        var heldText = exchange.ResponseHold?.Scope == ResponseHoldScope.ToolCalls ? held.Buffer.HeldText : "";
        text = heldText.Length == 0 ? text : heldText + "\n\n" + text;
        await held.RefuseAsync(new RefusalContent(text, id, summary.Model ?? exchange.Request?.Model ?? "gatehouse", time.GetUtcNow()), cancellationToken);
        Ended(exchange, held, outcome, approvalId, facts.Rules);
    }

    private Task UnavailableAsync(Exchange exchange, HeldResponse held, HoldFacts facts, ResponseSummary summary, CancellationToken cancellationToken)
    {
        Log.AuditFailed(logger, exchange.Id);
        exchange.Fail(ExchangeFailureCode.ApprovalUnavailable, "the held response's review could not be recorded");
        return RefuseAsync(exchange, held, facts, ResponseHoldOutcome.Refused, null, RefusalTexts.Unavailable(), summary, cancellationToken);
    }

    private void Ended(Exchange exchange, HeldResponse held, ResponseHoldOutcome outcome, string? approvalId, IReadOnlyList<string> rules)
    {
        var heldMs = held.HeldFor.TotalMilliseconds;
        exchange.ResponseHoldOutcome = new AuditResponseHold(outcome, approvalId, rules, held.Buffer.Held.Length, heldMs);
        if (outcome == ResponseHoldOutcome.Released)
        {
            Log.Released(logger, exchange.Id);
        }
        else if (outcome != ResponseHoldOutcome.Held)
        {
            Log.Ended(logger, exchange.Id, outcome.ToName(), heldMs);
        }
    }
}
