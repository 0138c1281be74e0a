namespace Gatehouse.Gateway.Webhooks;

/// <summary>The headers every delivery carries.</summary>
internal static class WebhookHeaders
{
    public const string Signature = "x-gatehouse-signature";

    public const string Timestamp = "x-gatehouse-timestamp";

    public const string Event = "x-gatehouse-event";

    public const string Delivery = "x-gatehouse-delivery";
}
