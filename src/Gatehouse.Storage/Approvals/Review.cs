namespace Gatehouse.Storage.Approvals;

/// <summary>One reviewer's decision on a request, with the reviewer's justification.</summary>
/// <param name="Reviewer">The reviewer's subject.</param>
/// <param name="Decision">Approve or reject.</param>
/// <param name="Justification">Why, in the reviewer's words; may be empty.</param>
/// <param name="At">When the review was recorded.</param>
public sealed record Review(string Reviewer, ReviewDecision Decision, string Justification, DateTimeOffset At);
