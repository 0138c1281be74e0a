namespace Gatehouse.Storage.Approvals;

/// <summary>Persists approval requests so that a decision taken through any gateway instance releases the held exchange.</summary>
/// <remarks>
/// Every method that changes state returns the <see cref="ReviewEvent"/>s it stored; the caller writes them to the
/// audit. Reads apply the timeout (a pending request past its timeout reads as timed out); <see cref="SweepAsync"/>
/// stores those timeouts and returns their events.
/// </remarks>
public interface IApprovalStore
{
    /// <summary>Opens a pending request; the result carries the <c>approval.requested</c> event.</summary>
    Task<ReviewResult<ApprovalRequest>> CreateAsync(ApprovalDraft draft, CancellationToken cancellationToken);

    /// <summary>Finds a request by id, as of now; null when there is none.</summary>
    Task<ApprovalRequest?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Lists at most the newest 1,000 requests, optionally only those in <paramref name="state"/> (as of now).</summary>
    /// <remarks>For tools and tests; a review list pages with <see cref="ListPageAsync"/> so nothing is cut off.</remarks>
    Task<IReadOnlyList<ApprovalRequest>> ListAsync(ReviewState? state, CancellationToken cancellationToken);

    /// <summary>
    /// Lists one page of requests newest first, optionally only those in <paramref name="state"/> (as of now), after
    /// the cursor <paramref name="after"/> (null for the first page); following <see cref="ReviewPage{T}.Next"/> reaches every one.
    /// </summary>
    Task<ReviewPage<ApprovalRequest>> ListPageAsync(ReviewState? state, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Finds the pending request of <paramref name="requester"/> (a subject) for content with <paramref name="digest"/>; null when there is none.</summary>
    Task<ApprovalRequest?> FindPendingAsync(string digest, string requester, CancellationToken cancellationToken);

    /// <summary>Counts the pending requests of <paramref name="requester"/> (a subject), as of now.</summary>
    Task<int> CountPendingAsync(string requester, CancellationToken cancellationToken);

    /// <summary>Records one reviewer's decision, resolving the request when the rules say so.</summary>
    Task<ReviewResult<ApprovalRequest>> ReviewAsync(
        string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken);

    /// <summary>Withdraws a pending request; only its requester (under any of their identities) may.</summary>
    /// <remarks>Refuses with <see cref="ReviewError.NotRequester"/> for anyone else and <see cref="ReviewError.AlreadyResolved"/> once resolved.</remarks>
    Task<ReviewResult<ApprovalRequest>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken);

    /// <summary>Finds an unexpired approval of content with <paramref name="digest"/> sent by <paramref name="requester"/> (a principal key, <see cref="Principal.Id"/>).</summary>
    Task<ApprovalRequest?> FindValidApprovalAsync(string digest, string requester, CancellationToken cancellationToken);

    /// <summary>Stores the timeout of every pending request past its timeout; returns their events.</summary>
    Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken);

    /// <summary>Waits up to <paramref name="wait"/> for the request to resolve; returns it as it stands then (maybe still pending).</summary>
    /// <exception cref="KeyNotFoundException">No request has this id.</exception>
    Task<ApprovalRequest> WaitForResolutionAsync(string id, TimeSpan wait, CancellationToken cancellationToken);
}
