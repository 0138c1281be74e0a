using Gatehouse.Gateway.Approvals;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Control.Reviews;

/// <summary>
/// Records one reviewer's decision on an approval request: the store applies the review rules (<see cref="ReviewProcess"/>:
/// a reviewer of the rule, never the requester under any of their identities, once each) and the audit records every
/// event it produced. The API and the console both review through this, so the rules hold the same in both.
/// </summary>
internal sealed class ApprovalReviews(IApprovalStore store, ReviewAudit audit)
{
    public async Task<ReviewResult<ApprovalRequest>> ReviewAsync(string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken)
    {
        var result = await store.ReviewAsync(id, reviewer, decision, justification, cancellationToken).ConfigureAwait(false);

        // The decision is stored; its audit records must be written even if the reviewer has gone away meanwhile.
        await audit.RecordAsync(result.Events, CancellationToken.None).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Withdraws a pending request on its requester's word (any of their identities); a client waiting on it is
    /// answered at once that it was withdrawn. The store refuses anyone else.
    /// </summary>
    public async Task<ReviewResult<ApprovalRequest>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken)
    {
        var result = await store.CancelAsync(id, requester, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(result.Events, CancellationToken.None).ConfigureAwait(false);
        return result;
    }
}
