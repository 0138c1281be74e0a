using Gatehouse.Gateway.Approvals;
using Gatehouse.Gateway.Reviews;
using Gatehouse.Storage.Grants;

namespace Gatehouse.Gateway.Access;

/// <summary>The sweep of just-in-time access requests; each timeout is audited as <c>grant.timed_out</c> with its grant.</summary>
internal sealed class GrantSweep(IGrantStore store, ReviewAudit audit) : IReviewSweep
{
    public string Kind => "grant";

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        foreach (var timedOut in await store.SweepAsync(cancellationToken))
        {
            if (await store.GetAsync(timedOut.Id, cancellationToken) is { } grant)
            {
                await audit.RecordAsync(grant, [timedOut], cancellationToken);
            }
        }
    }
}
