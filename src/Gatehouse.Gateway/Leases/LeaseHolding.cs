using Gatehouse.Audit.Checkpoints;
using Gatehouse.Storage.Leases;

namespace Gatehouse.Gateway.Leases;

/// <summary>One holding of a lease by this process, and the token cancelled the moment it ends.</summary>
/// <param name="Lease">The holding as last taken or renewed.</param>
/// <param name="Lost">Cancelled when the holding ends: lapsed, taken by another replica, unreachable or released.</param>
internal sealed record LeaseHolding(Lease Lease, CancellationToken Lost)
{
    /// <summary>Gets the fence a checkpoint signed under this holding is stored with.</summary>
    public CheckpointFence Fence => new(Lease.Name, Lease.Holder, Lease.Token);
}
