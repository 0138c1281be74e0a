namespace Gatehouse.Gateway.Webhooks;

/// <summary>How one delivery attempt ended: the receiver's status, or why there was none.</summary>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Error">A short code (<c>timeout</c>, <c>ConnectionError</c>, ...) when no answer came; never a URL.</param>
internal readonly record struct WebhookAttempt(int? Status, string? Error)
{
    public bool Delivered => Status is >= 200 and < 300;

    /// <summary>Gets whether trying again may help: no answer, 408, 429 or a 5xx. Other answers are final.</summary>
    public bool Retryable => Status is null or 408 or 429 or >= 500;

    /// <summary>Gets the status as text, or the error code, for logs, metrics and the audit.</summary>
    public string Outcome => Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Error ?? "none";
}
