using Gatehouse.Storage;
using Gatehouse.Storage.Grants;
using Microsoft.Extensions.Hosting;

namespace Gatehouse.Gateway.Access;

/// <summary>Every 30 seconds, stores the timeout of access requests nobody reviewed in time, and audits it.</summary>
/// <remarks>Not needed for correctness: reads and reviews already see an overdue request as timed out.</remarks>
internal sealed class GrantSweeper(IGrantStore store, AccessAudit audit, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var timedOut in await store.SweepAsync(stoppingToken))
                {
                    if (await store.GetAsync(timedOut.Id, stoppingToken) is { } grant)
                    {
                        await audit.RecordAsync(grant, [timedOut], stoppingToken);
                    }
                }
            }
            catch (StoreUnavailableException)
            {
                // The store is down; overdue requests still read as timed out, and the next tick tries again.
            }
        }
    }
}
