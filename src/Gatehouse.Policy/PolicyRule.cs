using Gatehouse.Policy.Conditions;
using Gatehouse.Policy.Matching;

namespace Gatehouse.Policy;

/// <summary>One rule of a loaded policy, in file order.</summary>
public sealed record PolicyRule
{
    /// <summary>Gets the rule's unique name, as it appears in decision trails and audit records.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the 1-based line of the rule in the policy file.</summary>
    public int Line { get; init; }

    /// <summary>Gets the 1-based column of the rule in the policy file.</summary>
    public int Column { get; init; }

    /// <summary>Gets the effect, or <see langword="null"/> for a rule that only adjusts masking or audit.</summary>
    public PolicyEffect? Effect { get; init; }

    /// <summary>Gets the reason given to the client when this rule denies, or <see langword="null"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets the approval parameters when <see cref="Effect"/> is <see cref="PolicyEffect.RequireApproval"/>.</summary>
    public ApprovalRequirement? Approval { get; init; }

    /// <summary>Gets the masking overrides this rule applies; <see cref="MaskingOverrides.None"/> when it sets none.</summary>
    public MaskingOverrides Masking { get; init; } = MaskingOverrides.None;

    /// <summary>Gets the audit level this rule asks for, or <see langword="null"/>.</summary>
    public AuditLevel? Audit { get; init; }

    /// <summary>Gets the rule's CEL condition text, or <see langword="null"/>.</summary>
    public string? When { get; init; }

    /// <summary>
    /// Gets whether the rule only tightens (deny, approval, stricter masking or fuller audit); such a rule applies when
    /// its condition fails to evaluate, and any other rule does not.
    /// </summary>
    public bool IsRestrictive =>
        Effect is PolicyEffect.Deny or PolicyEffect.RequireApproval
        || (Effect is null && Masking.Request != MaskingMode.Off && Masking.Response != MaskingMode.Off
            && Audit != AuditLevel.Metadata);

    internal RuleMatch Match { get; init; } = new();

    internal CelCondition? Condition { get; init; }
}
