using System.Diagnostics;
using System.Diagnostics.Metrics;
using Gatehouse.Export.Webhooks;
using Gatehouse.Gateway.Telemetry;

namespace Gatehouse.Control.Webhooks;

/// <summary>Webhook delivery metrics, tagged by webhook name and event only (never a URL).</summary>
internal sealed class WebhookMetrics
{
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _failedAttempts;
    private readonly Counter<long> _dropped;

    public WebhookMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(GatewayTelemetry.MeterName);
        _deliveries = meter.CreateCounter<long>("gatehouse.webhook.deliveries", "{delivery}", "Webhook deliveries finished, by webhook, event and outcome (delivered or failed).");
        _failedAttempts = meter.CreateCounter<long>("gatehouse.webhook.attempt.failures", "{attempt}", "Webhook attempts that failed, by webhook, event and status or error.");
        _dropped = meter.CreateCounter<long>("gatehouse.webhook.dropped", "{notification}", "Notifications dropped because the webhook queue was full, by event.");
    }

    public void Finished(string webhook, string eventName, bool delivered)
        => _deliveries.Add(1, new TagList { { "webhook", webhook }, { "event", eventName }, { "outcome", delivered ? "delivered" : "failed" } });

    public void AttemptFailed(string webhook, string eventName, WebhookAttempt attempt)
        => _failedAttempts.Add(1, new TagList { { "webhook", webhook }, { "event", eventName }, { "reason", attempt.Outcome } });

    public void Dropped(string eventName) => _dropped.Add(1, new KeyValuePair<string, object?>("event", eventName));
}
