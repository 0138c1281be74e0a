namespace Gatehouse.Control.Reviews;

/// <summary>The body of <c>POST /api/access/requests</c>.</summary>
/// <param name="Connection">The connection asked for.</param>
/// <param name="Duration">How long, such as <c>2h</c> or <c>30m</c>.</param>
/// <param name="Reason">Why, for the reviewers and the audit.</param>
internal sealed record AccessRequestInput(string? Connection, string? Duration, string? Reason);
