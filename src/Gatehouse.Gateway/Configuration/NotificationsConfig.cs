namespace Gatehouse.Gateway.Configuration;

/// <summary>Where the gateway sends notifications of approvals and audit checkpoints.</summary>
public sealed record NotificationsConfig
{
    /// <summary>Gets the outgoing webhooks; the default is none.</summary>
    public IReadOnlyList<WebhookConfig> Webhooks { get; init; } = [];

    /// <summary>Gets how many notifications may wait for delivery; the default is 1,000.</summary>
    /// <remarks>A full queue drops the newest notification (and audits the drop) rather than slow the data path.</remarks>
    public int QueueCapacity { get; init; } = 1000;
}
