using Gatehouse.Audit.Records;

namespace Gatehouse.Control.AuditApi;

/// <summary>
/// One exchange in full, as <c>GET /api/audit/{id}</c> returns it: the intent (masked prompt, findings, rules,
/// decision), the outcome (masked response, tool calls, usage, failure) and the events recorded under it (approvals).
/// </summary>
internal sealed record AuditExchangeView(
    string Id,
    string State,
    long IntentSequence,
    long? OutcomeSequence,
    ExchangeIntent Intent,
    ExchangeOutcome? Outcome,
    IReadOnlyList<AuditEventView> Events)
{
    /// <summary>Gets why part of the exchange is left out for this reader; null when nothing is.</summary>
    public string? Withheld { get; init; }

    public static AuditExchangeView Of(ExchangeRecord r, IReadOnlyList<AuditEventView> events)
        => new(r.ExchangeId, AuditSummaryView.StateOf(r), r.IntentSequence, r.OutcomeSequence, r.Intent, r.Outcome, events);
}
