using System.Net.Http.Headers;

namespace Gatehouse.Export.Webhooks;

/// <summary>One signed POST: where, what, how long it may take, and the headers of its kind.</summary>
public sealed record WebhookRequest
{
    /// <summary>Gets the absolute http(s) URL posted to. A secret in its own right: never logged.</summary>
    public required Uri Url { get; init; }

    /// <summary>Gets the exact bytes posted and signed.</summary>
    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Gets the body's media type, sent as is.</summary>
    public required MediaTypeHeaderValue ContentType { get; init; }

    /// <summary>Gets the HMAC key (the secret's UTF-8 bytes), or null to send unsigned. Default: null.</summary>
    public byte[]? SigningKey { get; init; }

    /// <summary>Gets how long the attempt may wait for the answer's headers. Required.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>Gets the headers of the delivery's kind (event and delivery id, or sequences). Default: none.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
