namespace Gatehouse.Audit.Records;

/// <summary>How a response that was held back ended: released, approved, rejected, timed out or refused unread.</summary>
/// <param name="Outcome">
/// <c>released</c> (no rule matched), <c>approved</c>, <c>rejected</c>, <c>timed_out</c> (no reviewer within the
/// wait), <c>refused</c> (too large or unreadable to review; fail closed), or <c>abandoned</c> (the client left).
/// </param>
/// <param name="ApprovalId">The approval request, when one was opened.</param>
/// <param name="Rules">The policy rules that held the response, in file order.</param>
/// <param name="HeldBytes">How many bytes were held back.</param>
/// <param name="HeldMs">How long they were held, in milliseconds.</param>
public sealed record AuditResponseHold(string Outcome, string? ApprovalId, IReadOnlyList<string> Rules, long HeldBytes, double HeldMs);
