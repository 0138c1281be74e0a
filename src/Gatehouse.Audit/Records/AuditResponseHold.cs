namespace Gatehouse.Audit.Records;

/// <summary>How a response that was held back ended: released, approved, rejected, timed out or refused unread.</summary>
/// <param name="Outcome">How it ended, written as its name (<see cref="ResponseHoldOutcomeNames"/>).</param>
/// <param name="ApprovalId">The approval request, when one was opened.</param>
/// <param name="Rules">The policy rules that held the response, in file order.</param>
/// <param name="HeldBytes">How many bytes were held back.</param>
/// <param name="HeldMs">How long they were held, in milliseconds.</param>
public sealed record AuditResponseHold(ResponseHoldOutcome Outcome, string? ApprovalId, IReadOnlyList<string> Rules, long HeldBytes, double HeldMs);
