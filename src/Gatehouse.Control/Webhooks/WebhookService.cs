using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// The one reader of the webhook queue: builds each notice, then delivers it to every webhook that receives its
/// event, up to <see cref="WebhookDeliveryOptions.Concurrency"/> deliveries (with their retries) at once.
/// </summary>
/// <remarks>
/// Notices still queued or retrying when the gateway stops are logged as abandoned, not audited: the approvals and
/// checkpoints they describe are in the store and the audit trail already.
/// </remarks>
internal sealed class WebhookService(
    NotificationsConfig config,
    WebhookDispatcher dispatcher,
    WebhookDelivery delivery,
    WebhookFailureAudit audit,
    WebhookDeliveryOptions options,
    ILogger<WebhookService> logger) : BackgroundService
{
    private readonly List<Task> _running = [];
    private int _abandoned;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Concurrency);
        try
        {
            await foreach (var queued in dispatcher.Reader.ReadAllAsync(stoppingToken))
            {
                await AuditDropsAsync(stoppingToken);
                if (await ResolveAsync(queued, stoppingToken) is not { } notice)
                {
                    continue;
                }

                foreach (var webhook in config.Webhooks.Where(w => w.Receives(notice.Event)))
                {
                    await slots.WaitAsync(stoppingToken);
                    _running.RemoveAll(t => t.IsCompleted);
                    _running.Add(DeliverAsync(webhook, notice, slots, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the deliveries in flight see the same token and end below.
        }

        await Task.WhenAll(_running);
        var queuedCount = dispatcher.Reader.CanCount ? dispatcher.Reader.Count : 0;
        if (_abandoned + queuedCount > 0)
        {
            WebhookLog.Abandoned(logger, _abandoned + queuedCount);
        }
    }

    private async Task<Notice?> ResolveAsync(QueuedNotice queued, CancellationToken cancellationToken)
    {
        try
        {
            return await queued.Resolve(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // One notice that cannot be built must not stop the notices behind it; the event is in the audit anyway.
            WebhookLog.ResolveFailed(logger, queued.Event, error);
            return null;
        }
    }

    private async Task DeliverAsync(WebhookConfig webhook, Notice notice, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await delivery.RunAsync(webhook, notice, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _abandoned);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // A bug in one delivery must neither stop the deliveries behind it nor, as a faulted background task,
            // the gateway: it is logged by type only (a message could quote the URL) and the notice is lost (the event
            // itself is in the audit).
            WebhookLog.DeliveryFaulted(logger, webhook.Name, notice.Event, error.GetType().Name);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task AuditDropsAsync(CancellationToken cancellationToken)
    {
        foreach (var (eventName, count) in dispatcher.TakeDrops())
        {
            WebhookLog.Dropped(logger, eventName, count);
            await audit.RecordDropAsync(eventName, count, cancellationToken);
        }
    }
}
