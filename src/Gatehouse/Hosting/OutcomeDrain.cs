using Gatehouse.Gateway.Exchanges;

namespace Gatehouse.Hosting;

/// <summary>
/// On a graceful stop, right after the web server has stopped, waits for the exchanges' outcome appends still being
/// written.
/// </summary>
/// <remarks>
/// Handlers return once their outcome is queued (<see cref="OutcomeAppends"/>), so the web server's stop no longer waits
/// for those commits; this does. It is the last hosted service the composition root registers, so the host (which stops
/// hosted services in reverse order) stops it first after the web server, which the web application builder adds after
/// every other: the outcomes are written before the jobs release their leases and before <see cref="AuditWriterStop"/>
/// stops the writer. Bounded by the host's shutdown window: past it, the count still pending is logged (1404); the
/// writer still commits whatever reached its queue, and an outcome that never did leaves an intent that the next start
/// closes as interrupted.
/// </remarks>
internal sealed partial class OutcomeDrain(OutcomeAppends outcomes, ILogger<OutcomeDrain> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (outcomes.Pending is > 0 and var pending)
        {
            Draining(logger, pending);
        }

        try
        {
            await outcomes.DrainAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            NotDrained(logger, outcomes.Pending);
        }
    }

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Waiting for {Count} exchange outcomes to be written before stopping")]
    private static partial void Draining(ILogger logger, int count);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Warning,
        Message = "The shutdown window ended with {Count} exchange outcomes still being written; any not written is closed as interrupted at the next start")]
    private static partial void NotDrained(ILogger logger, int count);
}
