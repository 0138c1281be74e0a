namespace Gatehouse.Storage.Leases;

/// <summary>Named leases in the shared database: one holder at a time, for a bounded time, with a fencing token.</summary>
/// <remarks>
/// Times come from the store's <see cref="TimeProvider"/> on each replica, so a lease's duration must be well above the
/// clock skew between replicas. A lease that lapses is free for anyone; its holder learns it lost it when a renewal
/// fails, and the next holding has a larger <see cref="Lease.Token"/>.
/// </remarks>
public interface ILeaseStore
{
    /// <summary>
    /// Takes <paramref name="name"/> for <paramref name="holder"/> for <paramref name="duration"/> when it is free or
    /// lapsed (a new token), or extends it when <paramref name="holder"/> already holds it (the same token); returns
    /// null while another holder's lease is in force.
    /// </summary>
    Task<Lease?> AcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Extends <paramref name="lease"/> by <paramref name="duration"/> from now; null when it lapsed or passed to another holding.</summary>
    Task<Lease?> RenewAsync(Lease lease, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Ends <paramref name="lease"/> now so another holder may take it at once; false when it was no longer this holding.</summary>
    Task<bool> ReleaseAsync(Lease lease, CancellationToken cancellationToken);

    /// <summary>Returns the last holding of <paramref name="name"/> (in force or not), or null when it was never taken.</summary>
    Task<Lease?> GetAsync(string name, CancellationToken cancellationToken);
}
