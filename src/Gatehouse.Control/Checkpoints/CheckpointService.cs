using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Store;
using Gatehouse.Gateway.Leases;
using Gatehouse.Storage.Leases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Checkpoints;

/// <summary>
/// Signs a checkpoint of the audit log's Merkle tree every <c>interval</c> or <c>entries</c> (whichever comes first)
/// while entries are added, and a last one on shutdown, so a rewritten database is caught against checkpoints kept
/// elsewhere.
/// </summary>
/// <remarks>
/// Runs only while this replica holds the signing lease (<see cref="LeaseNames.Signing"/>), and stores each checkpoint
/// fenced by that holding, so replicas never sign side by side and a paused holder cannot store one after a takeover.
/// A replica that takes the lease over reads the last stored checkpoint before signing, and the store keeps one
/// checkpoint per tree size, so a failover never signs the same tree twice.
/// </remarks>
internal sealed partial class CheckpointService(
    GatewayCheckpointWriter shared, IAuditCheckpointStore store, HeldLease lease, TimeProvider time, ILogger<CheckpointService> logger,
    IEnumerable<ICheckpointObserver>? observers = null) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private CheckpointWriter? _writer;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await WriteIfDueAsync(force: true, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _writer = shared.Writer;
        using var timer = new PeriodicTimer(Tick, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteIfDueAsync(force: false, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync writes the last checkpoint before the signer is released.
            await WriteIfDueAsync(force: true, CancellationToken.None);
        }
    }

    private async Task WriteIfDueAsync(bool force, CancellationToken cancellationToken)
    {
        if (_writer is not { } writer || lease.Current is not { } holding)
        {
            return;
        }

        try
        {
            var head = await store.GetHeadAsync(cancellationToken);
            var sequence = head?.Sequence ?? 0;
            if (writer.IsDue(sequence) || (force && sequence > (writer.Last?.TreeSize ?? 0)))
            {
                // Null when the head is checkpointed already (a replica that held the lease before signed it).
                if (await writer.WriteIfNewAsync(holding.Fence, cancellationToken) is not { } checkpoint)
                {
                    return;
                }

                Written(logger, checkpoint.TreeSize, checkpoint.KeyId);
                foreach (var observer in observers ?? [])
                {
                    observer.Signed(checkpoint);
                }
            }
        }
        catch (Exception error) when (error is Gatehouse.Storage.StoreUnavailableException or InvalidOperationException or IOException)
        {
            // A failed checkpoint does not stop the gateway (the chain still protects every entry); it is logged and
            // tried again on the next tick.
            Failed(logger, error);
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Signed an audit checkpoint at tree size {Size} with key {KeyId}")]
    private static partial void Written(ILogger logger, long size, string keyId);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Error, Message = "Could not write an audit checkpoint; retrying")]
    private static partial void Failed(ILogger logger, Exception error);
}
