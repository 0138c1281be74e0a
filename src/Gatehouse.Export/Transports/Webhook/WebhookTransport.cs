using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Export.Transports.Http;
using Gatehouse.Export.Webhooks;

namespace Gatehouse.Export.Transports.Webhook;

/// <summary>Posts each batch, HMAC-signed, to a URL; any answer other than 2xx fails the batch.</summary>
/// <remarks>
/// Signing, headers and the time-out are the shared <see cref="WebhookSender"/>'s; the exporter retries a failed batch
/// from its cursor. Disposes the client only when it created it (no client was given).
/// </remarks>
internal sealed class WebhookTransport : IExportTransport
{
    // Each call builds its own body, so concurrent deliveries cannot interleave.
    private const int InitialBodyBytes = 64 * 1024;

    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue NdJson = new("application/x-ndjson");

    private readonly WebhookOptions _options;
    private readonly HttpClient? _givenClient;
    private readonly HttpClient _client;
    private readonly WebhookSender _sender;
    private readonly Uri _uri;
    private readonly byte[] _key;
    private readonly string _destination;

    public WebhookTransport(WebhookOptions options, HttpClient? client, TimeProvider time)
    {
        _options = options;
        _givenClient = client;
        _client = client ?? HttpDelivery.CreateClient();
        _sender = new WebhookSender(time);
        _uri = new Uri(options.Url, UriKind.Absolute);
        _key = Encoding.UTF8.GetBytes(options.Secret);
        _destination = HttpDelivery.Describe("webhook", _uri);
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var body = new ArrayBufferWriter<byte>(InitialBodyBytes);
        WriteBody(batch, body);
        var sequences = string.Create(CultureInfo.InvariantCulture, $"{batch[0].Sequence}-{batch[^1].Sequence}");
        var attempt = await _sender.SendAsync(_client, new WebhookRequest
        {
            Url = _uri,
            Body = body.WrittenMemory,
            ContentType = _options.Format == WebhookBodyFormat.NdJson ? NdJson : Json,
            SigningKey = _key,
            Timeout = _options.RequestTimeout,
            Headers = [new(WebhookHeaders.Sequences, sequences)],
        }, cancellationToken);

        if (attempt.Delivered)
        {
            return;
        }

        throw new ExportDeliveryException(attempt switch
        {
            { Status: { } status } => $"{_destination}: the batch was refused (HTTP {status})",
            { Error: WebhookAttempt.Timeout } => $"{_destination}: no response within {_options.RequestTimeout.TotalSeconds:0.###} s",
            _ => $"{_destination}: request failed ({attempt.Error})",
        });
    }

    public ValueTask DisposeAsync()
    {
        if (_givenClient is null)
        {
            _client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private void WriteBody(IReadOnlyList<ExportEvent> batch, ArrayBufferWriter<byte> body)
    {
        using var writer = EventJson.CreateWriter(body);
        if (_options.Format == WebhookBodyFormat.JsonArray)
        {
            writer.WriteStartArray();
            foreach (var e in batch)
            {
                EventJson.WritePayload(writer, e);
            }

            writer.WriteEndArray();
            return;
        }

        foreach (var e in batch)
        {
            EventJson.WritePayload(writer, e);
            writer.Flush();
            body.Write("\n"u8);
            writer.Reset(body);
        }
    }
}
