using Gatehouse.Storage.Approvals;

namespace Gatehouse.Storage.Grants;

/// <summary>Persists just-in-time access grants; the policy sees the active ones as <c>grants</c>.</summary>
/// <remarks>Like <see cref="IApprovalStore"/>, every change returns the events the caller writes to the audit.</remarks>
public interface IGrantStore
{
    /// <summary>Opens a pending grant request; the result carries the <c>grant.requested</c> event.</summary>
    Task<ReviewResult<AccessGrant>> RequestAsync(GrantDraft draft, CancellationToken cancellationToken);

    /// <summary>Finds a grant by id, as of now; null when there is none.</summary>
    Task<AccessGrant?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists at most the newest 1,000 grants, optionally only those of <paramref name="subject"/>.</summary>
    /// <remarks>For tools and tests; a review list pages with <see cref="ListPageAsync"/> so nothing is cut off.</remarks>
    Task<IReadOnlyList<AccessGrant>> ListAsync(string? subject, CancellationToken cancellationToken);

    /// <summary>
    /// Lists one page of grants newest first (only pending ones, as of now, when <paramref name="pendingOnly"/>) after
    /// the cursor <paramref name="after"/> (null for the first page); following <see cref="ReviewPage{T}.Next"/> reaches every one.
    /// </summary>
    Task<ReviewPage<AccessGrant>> ListPageAsync(bool pendingOnly, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Counts the pending requests of <paramref name="subject"/>, as of now.</summary>
    Task<int> CountPendingAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Records one reviewer's decision under the same rules as approvals.</summary>
    Task<ReviewResult<AccessGrant>> ReviewAsync(
        string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken);

    /// <summary>Withdraws a pending request; only its requester (under any of their identities) may. No grant results.</summary>
    Task<ReviewResult<AccessGrant>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken);

    /// <summary>Ends an active grant now; <paramref name="revoker"/> must be its requester or one of its reviewers.</summary>
    Task<ReviewResult<AccessGrant>> RevokeAsync(string id, Principal revoker, CancellationToken cancellationToken);

    /// <summary>Gets the names of the connections <paramref name="subject"/> holds an active grant to, sorted and distinct.</summary>
    Task<IReadOnlyList<string>> ActiveGrantsAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Gets <paramref name="subject"/>'s active grants : one per connection, sorted, with the latest end.</summary>
    /// <remarks>Lets a cache drop each grant at its exact end instead of at the end of its own lifetime.</remarks>
    Task<IReadOnlyList<ActiveGrant>> ActiveAsync(string subject, CancellationToken cancellationToken);

    /// <summary>Stores the timeout of every pending request past its timeout; returns their events.</summary>
    Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken);
}
