using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Hosting;

namespace Gatehouse.Gateway.Identity.Refusals;

/// <summary>
/// Every <c>limits.refusalAuditInterval</c>, appends the counted refusals of the intervals that ended; at shutdown,
/// appends what is still counted, so a graceful stop loses no count.
/// </summary>
internal sealed class RefusalAuditService(RefusedCallers refusals, GatehouseConfig config, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(config.Limits.RefusalAuditInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await refusals.FlushAsync(all: false, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await refusals.FlushAsync(all: true, cancellationToken);
    }
}
