using Gatehouse.Gateway.Reviews;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>The sweep of held requests and held responses: both live in the approvals store and audit as <c>approval.*</c>.</summary>
internal sealed class ApprovalSweep(IApprovalStore store, ReviewAudit audit) : IReviewSweep
{
    public string Kind => "approval";

    public async Task SweepAsync(CancellationToken cancellationToken)
        => await audit.RecordAsync(await store.SweepAsync(cancellationToken), cancellationToken);
}
