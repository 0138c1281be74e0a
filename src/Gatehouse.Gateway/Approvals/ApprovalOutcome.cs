using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>How holding an exchange for review ended: approved (go on), rejected or timed out, or still pending.</summary>
internal sealed record ApprovalOutcome(ApprovalRequest Request)
{
    public bool Approved => Request.State == ReviewState.Approved;

    public bool Pending => Request.State == ReviewState.Pending;
}
