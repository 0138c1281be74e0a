using Gatehouse.Audit.Store;

namespace Gatehouse.Hosting;

/// <summary>
/// Before the server accepts requests, marks every intent left without an outcome by a previous process (a crash, a
/// kill) as interrupted, so the audit never shows an exchange as still running.
/// </summary>
internal sealed partial class AuditRecovery(IAuditStore store, TimeProvider time, ILogger<AuditRecovery> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovered = await store.RecoverInterruptedAsync(time.GetUtcNow(), cancellationToken);
        if (recovered > 0)
        {
            Recovered(logger, recovered);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Marked {Count} exchanges left unfinished by a previous run as interrupted")]
    private static partial void Recovered(ILogger logger, int count);
}
