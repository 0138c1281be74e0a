using Gatehouse.Audit.Records;

namespace Gatehouse.Control.AuditApi;

/// <summary>One exchange in a search page: who, where, what was decided and how it ended, without the content.</summary>
internal sealed record AuditSummaryView(
    string Id,
    DateTimeOffset StartedAt,
    string Subject,
    string? Email,
    IReadOnlyList<string> Groups,
    string Connection,
    string? Model,
    string Decision,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> FindingCategories,
    string State,
    int? Status,
    double? DurationMs,
    string? Failure)
{
    public static AuditSummaryView Of(ExchangeRecord r)
    {
        var (intent, outcome) = (r.Intent, r.Outcome);
        return new AuditSummaryView(
            r.ExchangeId,
            intent.StartedAt,
            intent.Identity.Subject,
            intent.Identity.Email,
            intent.Identity.Groups,
            intent.Connection,
            outcome?.Model ?? intent.Model,
            intent.Decision,
            intent.Rules,
            [.. intent.Findings.Concat(outcome?.Findings ?? []).Select(f => f.Category).Distinct(StringComparer.Ordinal)],
            StateOf(r),
            outcome?.Status,
            outcome?.DurationMs,
            outcome?.Failure);
    }

    /// <summary>Returns <c>completed</c>, <c>failed</c>, <c>interrupted</c> or <c>in_flight</c>.</summary>
    public static string StateOf(ExchangeRecord r) => r switch
    {
        { Interrupted: true } => "interrupted",
        { Outcome: null } => "in_flight",
        { Outcome.Failure: not null } => "failed",
        _ => "completed",
    };
}
