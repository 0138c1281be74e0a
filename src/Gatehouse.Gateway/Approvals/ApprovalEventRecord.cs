namespace Gatehouse.Gateway.Approvals;

/// <summary>An approval state change as the audit keeps it (entry kind <c>approval.*</c>).</summary>
internal sealed record ApprovalEventRecord(
    string Event, string ApprovalId, string? ExchangeId, string Connection, string Requester, string? Reviewer, string? Decision, DateTimeOffset At);
