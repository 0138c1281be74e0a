using Gatehouse.Storage;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Gateway.Tests.Access;

/// <summary>An <see cref="IGrantStore"/> whose active grants a test sets, counting how often they are read.</summary>
internal sealed class CountingGrantStore : IGrantStore
{
    public List<ActiveGrant> Active { get; } = [];

    public int Reads { get; private set; }

    public bool Down { get; set; }

    public Task<IReadOnlyList<ActiveGrant>> ActiveAsync(string subject, CancellationToken cancellationToken)
    {
        Reads++;
        return Down
            ? throw new StoreUnavailableException("store is down")
            : Task.FromResult<IReadOnlyList<ActiveGrant>>([.. Active]);
    }

    public Task<IReadOnlyList<string>> ActiveGrantsAsync(string subject, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ReviewResult<AccessGrant>> RequestAsync(GrantDraft draft, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<AccessGrant?> GetAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<AccessGrant>> ListAsync(string? subject, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ReviewResult<AccessGrant>> ReviewAsync(
        string id, Principal reviewer, ReviewDecision decision, string? justification, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ReviewResult<AccessGrant>> RevokeAsync(string id, Principal revoker, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ReviewResult<AccessGrant>> CancelAsync(string id, Principal requester, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyList<ReviewEvent>> SweepAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ReviewPage<AccessGrant>> ListPageAsync(bool pendingOnly, string? after, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<int> CountPendingAsync(string subject, CancellationToken cancellationToken) => throw new NotSupportedException();
}
