using Gatehouse.Export.Webhooks;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Delivers one notice to one webhook: formats and signs it once, then tries up to the webhook's
/// <c>maxAttempts</c> with backoff; a delivery that gives up is audited as <c>notification.failed</c>.
/// </summary>
/// <remarks>Every attempt carries the same delivery id and body, so a receiver can drop a repeat it already took.</remarks>
internal sealed class WebhookDelivery(
    WebhookPoster poster,
    WebhookFailureAudit audit,
    WebhookMetrics metrics,
    WebhookDeliveryOptions options,
    TimeProvider time,
    ILogger<WebhookDelivery> logger)
{
    /// <summary>Delivers <paramref name="notice"/>; returns whether the webhook took it.</summary>
    /// <exception cref="OperationCanceledException">The gateway is stopping.</exception>
    public async Task<bool> RunAsync(WebhookConfig webhook, Notice notice, CancellationToken cancellationToken)
    {
        var deliveryId = "whd_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N");
        var body = webhook.Format == WebhookFormat.Slack ? SlackPayload.Write(notice) : JsonPayload.Write(notice, deliveryId);
        var attempt = 0;
        WebhookAttempt last;
        while (true)
        {
            attempt++;
            last = await poster.SendAsync(webhook, notice.Event, deliveryId, body, cancellationToken);
            if (last.Delivered)
            {
                metrics.Finished(webhook.Name, notice.Event, delivered: true);
                WebhookLog.Delivered(logger, webhook.Name, notice.Event, deliveryId, attempt);
                return true;
            }

            metrics.AttemptFailed(webhook.Name, notice.Event, last);
            if (!last.Retryable || attempt >= webhook.MaxAttempts)
            {
                break;
            }

            var delay = RetryBackoff.Delay(attempt, options.BaseDelay, options.MaxDelay, options.Jitter());
            WebhookLog.Retrying(logger, webhook.Name, notice.Event, deliveryId, last.Outcome, attempt, delay);
            await Task.Delay(delay, time, cancellationToken);
        }

        metrics.Finished(webhook.Name, notice.Event, delivered: false);
        WebhookLog.Failed(logger, webhook.Name, notice.Event, deliveryId, attempt, last.Outcome);
        await audit.RecordFailureAsync(webhook.Name, notice, deliveryId, attempt, last, cancellationToken);
        return false;
    }
}
