using System.Globalization;

namespace Gatehouse.Export.Webhooks;

/// <summary>
/// Makes one delivery attempt of a Gatehouse webhook: posts the body with a fresh <c>x-gatehouse-timestamp</c>, its
/// signature and the kind's headers, bounded by the request's time-out on the injected clock.
/// </summary>
/// <remarks>
/// The one implementation behind notification webhooks and the SIEM export webhook. It never throws for a receiver's
/// failure: the outcome is a <see cref="WebhookAttempt"/> whose error is a category, because an
/// <see cref="HttpRequestException"/>'s message can quote the URL, which may itself be a credential. Retrying is the
/// caller's: notifications retry per notice with <see cref="RetryBackoff"/>, the exporter retries the batch from its
/// durable cursor with the same backoff. The client is the caller's, so that its handler (no redirects, TLS trust,
/// proxies) is chosen where it is configured.
/// </remarks>
/// <param name="time">The clock of the signature's timestamp and of the time-out.</param>
public sealed class WebhookSender(TimeProvider time)
{
    /// <summary>Posts <paramref name="request"/> once with <paramref name="client"/>.</summary>
    /// <returns>The receiver's status, or why no answer came.</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<WebhookAttempt> SendAsync(HttpClient client, WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        using var timeout = new CancellationTokenSource(request.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(HttpMethod.Post, request.Url) { Content = new ReadOnlyMemoryContent(request.Body) };
        message.Content.Headers.ContentType = request.ContentType;
        foreach (var (name, value) in request.Headers)
        {
            message.Headers.Add(name, value);
        }

        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        message.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        if (request.SigningKey is { } key)
        {
            message.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(key, timestamp, request.Body.Span));
        }

        try
        {
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return new WebhookAttempt((int)response.StatusCode, null);
        }
        catch (HttpRequestException error)
        {
            return new WebhookAttempt(null, error.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, WebhookAttempt.Timeout);
        }
    }
}
