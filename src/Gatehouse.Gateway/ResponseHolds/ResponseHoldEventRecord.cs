namespace Gatehouse.Gateway.ResponseHolds;

/// <summary>A held response's step as the audit keeps it (entry kind <c>response.held</c>, <c>.released</c> or <c>.refused</c>).</summary>
/// <param name="Event">The entry kind.</param>
/// <param name="ExchangeId">The exchange whose response is held.</param>
/// <param name="ApprovalId">The approval request, once opened.</param>
/// <param name="Connection">The connection.</param>
/// <param name="Requester">The requester's subject.</param>
/// <param name="Rules">The policy rules that hold the response.</param>
/// <param name="ToolCalls">The names of the held tool calls (arguments are in the exchange's outcome, masked).</param>
/// <param name="ContentDigest">The SHA-256 of the held bytes, which an approval is bound to.</param>
/// <param name="Outcome">How it ended (written as its name); null while held.</param>
/// <param name="At">When.</param>
internal sealed record ResponseHoldEventRecord(
    string Event,
    string ExchangeId,
    string? ApprovalId,
    string Connection,
    string Requester,
    IReadOnlyList<string> Rules,
    IReadOnlyList<string> ToolCalls,
    string? ContentDigest,
    Gatehouse.Audit.Records.ResponseHoldOutcome? Outcome,
    DateTimeOffset At)
{
    /// <summary>
    /// Gets the held tool calls with their masked arguments, on <c>response.held</c>: what the reviewers are shown.
    /// The audit API withholds it from the requester, who never received it.
    /// </summary>
    public IReadOnlyList<Gatehouse.Audit.Records.AuditToolCall>? Held { get; init; }

    /// <summary>The property <see cref="Held"/> is written under.</summary>
    public const string HeldProperty = "held";
}
