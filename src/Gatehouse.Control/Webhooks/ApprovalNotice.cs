namespace Gatehouse.Control.Webhooks;

/// <summary>An approval request opened or resolved, as webhooks tell it: who asked, where, under which rule, bound to which digest.</summary>
/// <remarks>The held prompt or response is never part of it: reviewers follow the link to the gateway to decide.</remarks>
internal sealed record ApprovalNotice(string Event, DateTimeOffset At) : Notice(Event, At)
{
    public required string ApprovalId { get; init; }

    public string? ExchangeId { get; init; }

    /// <summary>Gets <c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>timed_out</c> or <c>cancelled</c>.</summary>
    public required string State { get; init; }

    public required string Requester { get; init; }

    public required string Connection { get; init; }

    public string? Rule { get; init; }

    /// <summary>Gets the reason the rule gives for the hold.</summary>
    public string? Justification { get; init; }

    public string? ContentDigest { get; init; }

    /// <summary>Gets the reviewer whose review resolved the request, or the requester who withdrew it; null while pending or when it timed out.</summary>
    public string? Reviewer { get; init; }

    public string? ReviewJustification { get; init; }
}
