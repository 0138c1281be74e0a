namespace Gatehouse.Gateway.Configuration;

/// <summary>
/// How long a replica's leases last and how often it renews them (<c>storage.leases</c>): the writer lease that keeps
/// its in-flight exchanges from being marked interrupted, and the lease of every background job that runs on one
/// replica at a time.
/// </summary>
/// <remarks>
/// A replica that dies keeps its leases until they lapse; another replica tries to take a free lease every
/// <see cref="RenewEvery"/>, so a job fails over within <see cref="Duration"/> + <see cref="RenewEvery"/> (20 seconds
/// by default). The duration must stay well above the clock skew between replicas.
/// </remarks>
public sealed record LeaseConfig
{
    /// <summary>Gets how long a lease lasts unless renewed; the default is 15 seconds.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Gets how often a replica renews its leases and tries to take free ones; the default is 5 seconds, at most half of <see cref="Duration"/>.</summary>
    public TimeSpan RenewEvery { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets the longest a job can go without a runner after its holder dies: <see cref="Duration"/> + <see cref="RenewEvery"/>.</summary>
    public TimeSpan FailoverTime => Duration + RenewEvery;
}
