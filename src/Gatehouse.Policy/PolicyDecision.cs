namespace Gatehouse.Policy;

/// <summary>The outcome of evaluating a policy for one exchange in one direction.</summary>
public sealed record PolicyDecision
{
    /// <summary>Gets the effect: the strictest of the matching rules', or the policy default.</summary>
    public required PolicyEffect Effect { get; init; }

    /// <summary>Gets the reason, fit to return to the client on deny.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets the name of the rule that decided, or <see langword="null"/> when the default did.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>Gets the matching rules in file order, with why each matched.</summary>
    public IReadOnlyList<PolicyRuleMatch> Trail { get; init; } = [];

    /// <summary>Gets the approval parameters when <see cref="Effect"/> is <see cref="PolicyEffect.RequireApproval"/>.</summary>
    public ApprovalRequirement? Approval { get; init; }

    /// <summary>Gets the per-direction masking overrides: the strictest any matching rule asked for.</summary>
    public MaskingOverrides Masking { get; init; } = MaskingOverrides.None;

    /// <summary>Gets the audit level asked for (<see cref="AuditLevel.Full"/> wins), or <see langword="null"/> for the gateway's default.</summary>
    public AuditLevel? Audit { get; init; }
}
