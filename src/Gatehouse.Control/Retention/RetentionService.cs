using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Retention;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Leases;
using Gatehouse.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Retention;

/// <summary>Runs retention every <c>audit.retention.interval</c> while the gateway runs.</summary>
/// <remarks>
/// A failed run (store unavailable, a log gap that blocks signing) is logged and tried again at the next interval; the
/// data path never waits for it beyond one batch's write transaction. Tombstones are covered by checkpoints signed
/// with the gateway's one <see cref="CheckpointWriter"/>, shared with the checkpoint job so the two never race; across
/// replicas both run under the one signing lease, so an interval's run happens on the replica that holds it, and its
/// checkpoints are fenced by that holding.
/// </remarks>
internal sealed partial class RetentionService(
    GatehouseConfig config, IAuditRetentionStore store, CheckpointWriter? checkpoints, HeldLease lease, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    private PeriodicTimer? _timer;

    /// <summary>Starts the interval at start-up (not when the background task gets going), so the schedule is exact.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _timer = new PeriodicTimer(config.Audit.Retention.Interval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var plan = RetentionPlans.From(config);
        var runner = new RetentionRunner(store, checkpoints, time);
        try
        {
            while (await _timer!.WaitForNextTickAsync(stoppingToken))
            {
                if (lease.Current is { } holding)
                {
                    await RunOnceAsync(runner, plan, holding, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: a batch in flight was rolled back whole; the next start carries on from the log.
        }
    }

    private async Task RunOnceAsync(RetentionRunner runner, RetentionPlan plan, LeaseHolding holding, CancellationToken cancellationToken)
    {
        try
        {
            var report = await runner.RunAsync(plan, dryRun: false, holding.Fence, cancellationToken);
            Ran(logger, report.BodiesRemoved, report.EntriesTombstoned, report.Connections.Sum(c => c.ExchangesHeld), report.Sequence ?? 0);
        }
        catch (Exception error) when (error is StoreUnavailableException or InvalidOperationException or IOException)
        {
            Failed(logger, error);
        }
    }

    [LoggerMessage(EventId = 1420, Level = LogLevel.Information,
        Message = "Retention removed {Bodies} bodies and tombstoned {Entries} entries; {Held} expired exchanges kept by legal holds; audited at entry {Sequence}")]
    private static partial void Ran(ILogger logger, long bodies, long entries, int held, long sequence);

    [LoggerMessage(EventId = 1421, Level = LogLevel.Error, Message = "Retention run failed; trying again at the next interval")]
    private static partial void Failed(ILogger logger, Exception error);
}
