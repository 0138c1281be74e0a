using System.Globalization;

namespace Gatehouse.Export.Webhooks;

/// <summary>How one delivery attempt ended: the receiver's status, or why there was none.</summary>
/// <param name="Status">The HTTP status, or null when no answer came.</param>
/// <param name="Error">
/// A short code when no answer came: <see cref="Timeout"/> or an <see cref="HttpRequestError"/> name such as
/// <c>ConnectionError</c>; never an exception message, which can quote the URL.
/// </param>
public readonly record struct WebhookAttempt(int? Status, string? Error)
{
    /// <summary>The error code of an attempt that got no answer within its time-out.</summary>
    public const string Timeout = "timeout";

    /// <summary>Gets whether the receiver took the delivery (any 2xx).</summary>
    public bool Delivered => Status is >= 200 and < 300;

    /// <summary>Gets whether trying again may help: no answer, 408, 429 or a 5xx. Other answers are final.</summary>
    public bool Retryable => Status is null or 408 or 429 or >= 500;

    /// <summary>Gets the status as text, or the error code, for logs, metrics and the audit.</summary>
    public string Outcome => Status?.ToString(CultureInfo.InvariantCulture) ?? Error ?? "none";
}
