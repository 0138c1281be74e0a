namespace Gatehouse.Export.Transports.Webhook;

/// <summary>How a webhook body holds the batch.</summary>
public enum WebhookBodyFormat
{
    /// <summary>One JSON array of events (<c>application/json</c>).</summary>
    JsonArray,

    /// <summary>One event per line (<c>application/x-ndjson</c>).</summary>
    NdJson,
}
