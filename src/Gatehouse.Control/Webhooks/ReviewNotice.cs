namespace Gatehouse.Control.Webhooks;

/// <summary>
/// A review item (held request, held response or access request) opened or resolved, as webhooks tell it: who asked,
/// where, what the kind adds (rule and digest, or duration and reason), who decided, and where to decide it.
/// </summary>
/// <remarks>
/// No held prompt, response or credential is part of it: reviewers follow the link to the gateway to decide. An access
/// request's reason is the requester's own words, which the reviewers decide on.
/// </remarks>
internal sealed record ReviewNotice(string Event, DateTimeOffset At) : Notice(Event, At)
{
    public required ReviewNoticeKind Kind { get; init; }

    /// <summary>Gets the approval (<c>apr_</c>) or grant (<c>grt_</c>) id.</summary>
    public required string Id { get; init; }

    /// <summary>Gets <c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>timed_out</c>, <c>cancelled</c> or (a grant) <c>revoked</c>.</summary>
    public required string State { get; init; }

    public required string Requester { get; init; }

    public required string Connection { get; init; }

    /// <summary>Gets what the kind adds, in the order the writers show it.</summary>
    public IReadOnlyList<ReviewDetail> Details { get; init; } = [];

    /// <summary>Gets when approved access ends; null unless approved (written only where <see cref="ReviewNoticeKind.ReportsEnd"/>).</summary>
    public DateTimeOffset? EndsAt { get; init; }

    /// <summary>Gets who decided, revoked or withdrew it; null while pending or when it timed out.</summary>
    public string? Reviewer { get; init; }

    public string? ReviewJustification { get; init; }

    /// <summary>Gets the item's API address and the CLI commands that decide it.</summary>
    public required ReviewAddress Links { get; init; }

    /// <summary>Gets the value of the detail named <paramref name="name"/>, or null.</summary>
    public string? Detail(string name) => Details.FirstOrDefault(d => d.Name == name)?.Value;
}
