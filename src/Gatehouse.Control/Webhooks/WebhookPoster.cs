using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Export.Webhooks;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Control.Webhooks;

/// <summary>Posts one notice body to one configured webhook through the shared <see cref="WebhookSender"/>.</summary>
/// <remarks>Adds what notifications carry and export batches do not: the event name and the delivery id.</remarks>
internal sealed class WebhookPoster(IHttpClientFactory clients, WebhookSender sender)
{
    public const string ClientName = "gatehouse-webhooks";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<WebhookAttempt> SendAsync(WebhookConfig webhook, string eventName, string deliveryId, byte[] body, CancellationToken cancellationToken)
    {
        using var client = clients.CreateClient(ClientName);
        return await sender.SendAsync(client, new WebhookRequest
        {
            Url = webhook.Url,
            Body = body,
            ContentType = Json,
            SigningKey = webhook.Secret is { } secret ? Encoding.UTF8.GetBytes(secret) : null,
            Timeout = webhook.Timeout,
            Headers = [new(WebhookHeaders.Event, eventName), new(WebhookHeaders.Delivery, deliveryId)],
        }, cancellationToken);
    }
}
