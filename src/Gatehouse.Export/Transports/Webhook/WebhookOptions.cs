using Gatehouse.Export.Webhooks;

namespace Gatehouse.Export.Transports.Webhook;

/// <summary>Where a sink posts signed batches of events.</summary>
public sealed record WebhookOptions
{
    /// <summary>The header carrying <c>sha256=&lt;hex&gt;</c>, the HMAC-SHA256 of <c>&lt;timestamp&gt;.&lt;body&gt;</c>.</summary>
    public const string SignatureHeader = WebhookHeaders.Signature;

    /// <summary>The header carrying the signing time in Unix seconds, so receivers can refuse replays.</summary>
    public const string TimestampHeader = WebhookHeaders.Timestamp;

    /// <summary>The header carrying the batch's first and last sequence, <c>first-last</c>, for de-duplication.</summary>
    public const string SequencesHeader = WebhookHeaders.Sequences;

    /// <summary>Gets the absolute http(s) URL posted to. Required.</summary>
    public required string Url { get; init; }

    /// <summary>Gets the HMAC key shared with the receiver (its UTF-8 bytes). Required; a secret, never logged.</summary>
    public required string Secret { get; init; }

    /// <summary>Gets how the body holds the batch. Default: <see cref="WebhookBodyFormat.JsonArray"/>.</summary>
    public WebhookBodyFormat Format { get; init; } = WebhookBodyFormat.JsonArray;

    /// <summary>Gets how long one request may take. Default: 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public override string ToString() => $"WebhookOptions {{ Url = {Url}, Secret = ***, Format = {Format} }}";
}
