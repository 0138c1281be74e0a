using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>
/// Records one reviewer's decision on an approval request: the store applies the review rules (<see cref="ReviewProcess"/>:
/// a reviewer of the rule, never the requester under any of their identities, once each) and the audit records every
/// event it produced. The API and the console both review through this, so the rules hold the same in both.
/// </summary>
internal sealed class ApprovalReviews(IApprovalStore store, ApprovalAudit audit)
{
    public async Task<ReviewResult<ApprovalRequest>> ReviewAsync(string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken)
    {
        var result = await store.ReviewAsync(id, reviewer, decision, justification, cancellationToken).ConfigureAwait(false);

        // The decision is stored; its audit records must be written even if the reviewer has gone away meanwhile.
        await audit.RecordAsync(result.Events, CancellationToken.None).ConfigureAwait(false);
        return result;
    }
}
