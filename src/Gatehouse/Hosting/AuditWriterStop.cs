using Gatehouse.Audit.Writing;

namespace Gatehouse.Hosting;

/// <summary>On a graceful stop, stops the audit writer last: it takes no more appends and commits what is queued.</summary>
/// <remarks>
/// Registered right after the schema's start-up, before every other hosted service, so that it stops after all of them
/// (the host stops hosted services in reverse order): the exchanges' outcomes (<see cref="OutcomeDrain"/>) and the
/// jobs' last entries are queued by then. Past the host's shutdown window it stops waiting; the container's disposal of
/// the writer still commits what is queued.
/// </remarks>
internal sealed class AuditWriterStop(AuditWriter writer) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await writer.StopAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The shutdown window ended while a batch was still committing: disposal waits for it (AuditWriter.DisposeAsync).
        }
    }
}
