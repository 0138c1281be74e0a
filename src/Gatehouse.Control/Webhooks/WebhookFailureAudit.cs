using System.Text.Json;
using Gatehouse.Audit;
using Gatehouse.Audit.Chain;
using Gatehouse.Export.Webhooks;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Webhooks;

/// <summary>
/// Writes <c>notification.failed</c> (a delivery gave up) and <c>notification.dropped</c> (the queue was full) to the
/// audit trail, naming the webhook, event, delivery id, attempts and last outcome; never the URL or secret.
/// </summary>
internal sealed class WebhookFailureAudit(IAuditTrail audit, TimeProvider time, ILogger<WebhookFailureAudit> logger)
{
    public const string FailedKind = "notification.failed";
    public const string DroppedKind = "notification.dropped";

    public Task RecordFailureAsync(string webhook, Notice notice, string deliveryId, int attempts, WebhookAttempt last, CancellationToken cancellationToken)
        => AppendAsync(FailedKind, deliveryId, json =>
        {
            json.WriteString("webhook", webhook);
            json.WriteString("notification", notice.Event);
            json.WriteString("deliveryId", deliveryId);
            json.WriteNumber("attempts", attempts);
            if (last.Status is { } status)
            {
                json.WriteNumber("lastStatus", status);
            }
            else
            {
                json.WriteNull("lastStatus");
            }

            json.WriteString("lastError", last.Error);
            json.WriteString("subject", (notice as ReviewNotice)?.Id);
        }, cancellationToken);

    public Task RecordDropAsync(string eventName, long count, CancellationToken cancellationToken)
        => AppendAsync(DroppedKind, "whd_" + Guid.CreateVersion7(time.GetUtcNow()).ToString("N"), json =>
        {
            json.WriteString("notification", eventName);
            json.WriteNumber("count", count);
        }, cancellationToken);

    private async Task AppendAsync(string kind, string subject, Action<Utf8JsonWriter> fields, CancellationToken cancellationToken)
    {
        var payload = JsonBody.Object(json =>
        {
            json.WriteString("event", kind);
            fields(json);
        });
        var result = await audit.AppendAsync(new AuditEntryDraft(kind, subject, time.GetUtcNow(), AuditIndex.Empty, payload, null, null), cancellationToken);
        if (!result.Success)
        {
            WebhookLog.AuditFailed(logger, kind, result.Error!);
        }
    }
}
