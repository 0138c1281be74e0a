using Gatehouse.Storage.Approvals;

namespace Gatehouse.Gateway.Approvals;

/// <summary>Learns of every approval state change once it is audited (webhooks, for example).</summary>
/// <remarks>Called on the data path: an implementation must return at once and never throw for an expected failure.</remarks>
internal interface IApprovalEvents
{
    void Recorded(ReviewEvent change);
}
