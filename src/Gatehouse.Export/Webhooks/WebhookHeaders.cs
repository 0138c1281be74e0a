namespace Gatehouse.Export.Webhooks;

/// <summary>The headers of Gatehouse webhooks; which ones a delivery carries depends on the kind (notification or export batch).</summary>
public static class WebhookHeaders
{
    /// <summary><c>sha256=&lt;hex&gt;</c>, see <see cref="WebhookSignature"/>; on every signed delivery.</summary>
    public const string Signature = "x-gatehouse-signature";

    /// <summary>The signing time in Unix seconds; on every delivery.</summary>
    public const string Timestamp = "x-gatehouse-timestamp";

    /// <summary>The notification's event name (<c>approval.requested</c>, ...); notifications only.</summary>
    public const string Event = "x-gatehouse-event";

    /// <summary>The notification's delivery id, constant across retries; notifications only.</summary>
    public const string Delivery = "x-gatehouse-delivery";

    /// <summary>The export batch's first and last audit sequence, <c>first-last</c>; export batches only.</summary>
    public const string Sequences = "x-gatehouse-sequences";
}
