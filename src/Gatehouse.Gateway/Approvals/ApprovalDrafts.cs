using Gatehouse.Gateway.Exchanges;
using Gatehouse.Policy;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>Turns a rule's approval requirement and a held exchange into the draft of its approval request.</summary>
internal static class ApprovalDrafts
{
    public static ApprovalDraft For(
        Exchange exchange, Principal requester, ApprovalRequirement requirement, string rule, string digest, HeldPart hold, string justification) => new()
    {
        ExchangeId = exchange.Id,
        ContentDigest = digest,
        Requester = requester,
        Connection = exchange.Connection?.Name ?? "",
        RuleName = rule,
        Reviewers = new ReviewPolicy
        {
            ReviewerGroups = requirement.ReviewerGroups,
            ReviewerUsers = requirement.ReviewerUsers,
            ApprovalsNeeded = requirement.Approvals,
            DenyThreshold = requirement.DenyThreshold,
        },
        Timeout = requirement.Timeout,
        Expiry = requirement.Expiry,
        Hold = hold,
        Justification = justification,
    };
}
