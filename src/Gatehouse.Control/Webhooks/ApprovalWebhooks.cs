using Gatehouse.Storage.Approvals;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Sends <c>approval.requested</c> and <c>approval.resolved</c> for held requests and responses, with the rule, its
/// justification and the digest the approval is bound to.
/// </summary>
internal sealed class ApprovalWebhooks(WebhookDispatcher dispatcher, IApprovalStore store, ReviewLinks links)
    : ReviewWebhooks<ApprovalRequest>(dispatcher, links, ReviewNoticeKind.Approval)
{
    protected override Task<ApprovalRequest?> FindAsync(string id, CancellationToken cancellationToken) => store.GetAsync(id, cancellationToken);

    protected override IReadOnlyList<ReviewDetail> DetailsOf(ReviewEvent change, ApprovalRequest? request) =>
    [
        new("exchangeId", change.ExchangeId),
        new("rule", request?.RuleName, "Rule"),
        new("justification", request?.Justification, "Justification"),
        new("contentDigest", request?.ContentDigest, "Content digest", Footnote: true),
    ];
}
