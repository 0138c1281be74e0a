namespace Gatehouse.Gateway.Configuration;

/// <summary>One outgoing webhook: where it posts, in which format, signed with which secret, for which events.</summary>
public sealed record WebhookConfig
{
    /// <summary>Gets the unique name that logs, metrics and the audit use for this webhook (never its URL).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the URL posted to; treated as a secret because a Slack webhook URL is its own credential.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets the body's format; the default is <see cref="WebhookFormat.Json"/>.</summary>
    public WebhookFormat Format { get; init; } = WebhookFormat.Json;

    /// <summary>Gets the HMAC-SHA256 signing secret; required for JSON, optional for Slack.</summary>
    public string? Secret { get; init; }

    /// <summary>Gets where <see cref="Secret"/> came from (<c>env:NAME</c> or <c>file:PATH</c>), safe to show.</summary>
    public string? SecretSource { get; init; }

    /// <summary>Gets the events this webhook receives, such as <c>approval.requested</c>.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>Gets how long one attempt may take; the default is 10 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Gets how many attempts are made before a delivery is audited as failed; the default is 5.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Gets whether this webhook receives <paramref name="eventName"/>.</summary>
    public bool Receives(string eventName) => Events.Contains(eventName, StringComparer.Ordinal);

    /// <inheritdoc />
    public override string ToString() => $"webhook {Name} ({Format})";
}
