namespace Gatehouse.Gateway.Configuration;

/// <summary>The shape of a webhook's body.</summary>
public enum WebhookFormat
{
    /// <summary>Gatehouse's own JSON, HMAC-SHA256 signed.</summary>
    Json,

    /// <summary>A Slack incoming-webhook message (<c>text</c> and <c>blocks</c>) with links to the approval.</summary>
    Slack,
}
