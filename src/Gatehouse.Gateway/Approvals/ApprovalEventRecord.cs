namespace Gatehouse.Gateway.Approvals;

/// <summary>An approval state change as the audit keeps it (entry kind <c>approval.*</c>).</summary>
internal sealed record ApprovalEventRecord(
    string Event, string ApprovalId, string? ExchangeId, string Connection, string Requester, string? Reviewer, string? Decision, DateTimeOffset At)
{
    /// <summary>Gets the requester's principal key (issuer and subject, or a key's owner).</summary>
    public string? RequesterKey { get; init; }

    /// <summary>Gets the reviewer's principal key, when a reviewer caused the change.</summary>
    public string? ReviewerKey { get; init; }
}
