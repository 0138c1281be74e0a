using Gatehouse.Storage.Approvals;
using Microsoft.Extensions.Hosting;

namespace Gatehouse.Gateway.Approvals;

/// <summary>Every 30 seconds, marks approval requests whose timeout passed as timed out, and audits it.</summary>
internal sealed class ApprovalSweeper(IApprovalStore store, ApprovalAudit audit, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await audit.RecordAsync(await store.SweepAsync(stoppingToken), stoppingToken);
            }
            catch (Gatehouse.Storage.StoreUnavailableException)
            {
                // The store is down: requests are refused meanwhile (fail closed) and the next tick tries again.
            }
        }
    }
}
