using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Tests.ResponseHolds;

/// <summary>One approval request in memory; waits sleep on the test's clock, and the test resolves the request.</summary>
internal sealed class FakeApprovalStore(TimeProvider time) : IApprovalStore
{
    public ApprovalRequest? Current { get; private set; }

    public ApprovalDraft? Draft { get; private set; }

    public void Resolve(ReviewState state) => Current = Current! with { State = state, ResolvedAt = time.GetUtcNow() };

    public Task<ReviewResult<ApprovalRequest>> CreateAsync(ApprovalDraft draft, CancellationToken cancellationToken)
    {
        Draft = draft;
        Current = ApprovalRequest.Open(draft, time.GetUtcNow());
        return Task.FromResult(new ReviewResult<ApprovalRequest>(Current, null, []));
    }

    public Task<ApprovalRequest?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(Current);

    public Task<IReadOnlyList<ApprovalRequest>> ListAsync(ReviewState? state, CancellationToken cancellationToken)
        => Task.FromResult<IReadOnlyList<ApprovalRequest>>(Current is null ? [] : [Current]);

    public Task<ReviewResult<ApprovalRequest>> ReviewAsync(
        string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken)
        => throw new NotSupportedException();

    public Task<ReviewResult<ApprovalRequest>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken)
        => throw new NotSupportedException();

    public Task<ApprovalRequest?> FindValidApprovalAsync(string digest, string requester, CancellationToken cancellationToken)
        => Task.FromResult(Current is { } c && c.IsValidFor(digest, requester, time.GetUtcNow()) ? c : null);

    public Task<ReviewPage<ApprovalRequest>> ListPageAsync(ReviewState? state, string? after, int limit, CancellationToken cancellationToken)
        => Task.FromResult(new ReviewPage<ApprovalRequest>(Current is null ? [] : [Current], null));

    public Task<ApprovalRequest?> FindPendingAsync(string digest, string requester, CancellationToken cancellationToken)
        => Task.FromResult(Current is { State: ReviewState.Pending } c && c.ContentDigest == digest ? c : null);

    public Task<int> CountPendingAsync(string requester, CancellationToken cancellationToken)
        => Task.FromResult(Current is { State: ReviewState.Pending } ? 1 : 0);

    public Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<ReviewEvent>>([]);

    public async Task<ApprovalRequest> WaitForResolutionAsync(string id, TimeSpan wait, CancellationToken cancellationToken)
    {
        if (Current!.State == ReviewState.Pending)
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        return Current;
    }
}
