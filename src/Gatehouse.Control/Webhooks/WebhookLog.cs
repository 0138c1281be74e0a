using Microsoft.Extensions.Logging;

namespace Gatehouse.Control.Webhooks;

/// <summary>The webhook feature's log events: names, ids and statuses only, never a URL, secret or body.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Debug, Message = "Webhook {Webhook} received {Event} delivery {Delivery} after {Attempts} attempt(s)")]
    public static partial void Delivered(ILogger logger, string webhook, string @event, string delivery, int attempts);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "Webhook {Webhook} answered {Outcome} to {Event} delivery {Delivery} (attempt {Attempt}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string webhook, string @event, string delivery, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Warning, Message = "Webhook {Webhook} did not receive {Event} delivery {Delivery} after {Attempts} attempt(s); last outcome {Outcome}")]
    public static partial void Failed(ILogger logger, string webhook, string @event, string delivery, int attempts, string outcome);

    [LoggerMessage(EventId = 1603, Level = LogLevel.Warning, Message = "The webhook queue is full; dropped {Count} {Event} notification(s)")]
    public static partial void Dropped(ILogger logger, string @event, long count);

    [LoggerMessage(EventId = 1604, Level = LogLevel.Error, Message = "Could not audit a webhook {Kind}: {Reason}")]
    public static partial void AuditFailed(ILogger logger, string kind, string reason);

    [LoggerMessage(EventId = 1605, Level = LogLevel.Warning, Message = "Could not prepare a {Event} notification; it is not sent")]
    public static partial void ResolveFailed(ILogger logger, string @event, Exception error);

    [LoggerMessage(EventId = 1606, Level = LogLevel.Information, Message = "Stopping with {Count} webhook notification(s) undelivered")]
    public static partial void Abandoned(ILogger logger, int count);

    [LoggerMessage(EventId = 1607, Level = LogLevel.Error, Message = "Delivering {Event} to webhook {Webhook} failed unexpectedly ({ErrorType}); the notification is lost")]
    public static partial void DeliveryFaulted(ILogger logger, string webhook, string @event, string errorType);
}
