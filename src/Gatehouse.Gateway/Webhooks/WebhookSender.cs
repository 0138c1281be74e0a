using System.Globalization;
using System.Net.Http.Headers;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Gateway.Webhooks;

/// <summary>Makes one delivery attempt: posts the body with its event, delivery id, timestamp and signature headers.</summary>
internal sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time)
{
    public const string ClientName = "gatehouse-webhooks";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<WebhookAttempt> SendAsync(WebhookConfig webhook, string eventName, string deliveryId, byte[] body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(webhook.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookHeaders.Event, eventName);
        request.Headers.Add(WebhookHeaders.Delivery, deliveryId);
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        if (webhook.Secret is { } secret)
        {
            request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(secret, timestamp, body));
        }

        try
        {
            using var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return new WebhookAttempt((int)response.StatusCode, null);
        }
        catch (HttpRequestException error)
        {
            // The exception's message can quote the URL, which may itself be a credential: only its category is kept.
            return new WebhookAttempt(null, error.HttpRequestError.ToString());
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return new WebhookAttempt(null, "timeout");
        }
    }
}
