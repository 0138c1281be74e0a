using Gatehouse.Gateway.Leases;
using Gatehouse.Gateway.Reviews;
using Gatehouse.Storage;
using Gatehouse.Storage.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Reviews;

/// <summary>Every 30 seconds, stores the timeout of every review item nobody resolved in time, of every kind, and audits it.</summary>
/// <remarks>
/// Not needed for correctness: reads and reviews already see an overdue item as timed out. The sweep makes the timeout
/// durable and audited once, by the instance that stored it. Each kind is swept on its own, so one kind's store being
/// down delays only that kind's timeouts to a later tick. Across replicas it sweeps on the one holding the sweep's
/// lease (<see cref="LeaseNames.ReviewSweep"/>); a tick without it does nothing.
/// </remarks>
internal sealed class ReviewSweeper(IEnumerable<IReviewSweep> kinds, HeldLease lease, TimeProvider time, ILogger<ReviewSweeper> logger) : BackgroundService
{
    /// <summary>The interval between sweeps.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    private readonly IReadOnlyList<IReviewSweep> _kinds = [.. kinds];

    /// <summary>Sweeps every kind once.</summary>
    public async Task SweepOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var kind in _kinds)
        {
            try
            {
                await kind.SweepAsync(cancellationToken);
            }
            catch (StoreUnavailableException)
            {
                // Requests of this kind are refused meanwhile (fail closed); the next tick tries again.
                Log.SweepDeferred(logger, kind.Kind);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (lease.Current is not null)
            {
                await SweepOnceAsync(stoppingToken);
            }
        }
    }
}
