using System.Buffers;
using System.Globalization;
using System.Text;
using Gatehouse.Export.Transports.Http;

namespace Gatehouse.Export.Transports.Webhook;

/// <summary>Posts each batch, HMAC-signed, to a URL; any answer other than 2xx fails the batch.</summary>
internal sealed class WebhookTransport : IExportTransport
{
    // Each call builds its own body, so concurrent deliveries cannot interleave.
    private const int InitialBodyBytes = 64 * 1024;

    private readonly WebhookOptions _options;
    private readonly HttpDelivery _http;
    private readonly TimeProvider _time;
    private readonly Uri _uri;
    private readonly byte[] _key;

    public WebhookTransport(WebhookOptions options, HttpClient? client, TimeProvider time)
    {
        _options = options;
        _time = time;
        _uri = new Uri(options.Url, UriKind.Absolute);
        _key = Encoding.UTF8.GetBytes(options.Secret);
        _http = new HttpDelivery(client, time, options.RequestTimeout, HttpDelivery.Describe("webhook", _uri));
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var body = new ArrayBufferWriter<byte>(InitialBodyBytes);
        WriteBody(batch, body);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = WebhookSignature.Compute(_key, timestamp, body.WrittenSpan);
        var sequences = $"{batch[0].Sequence}-{batch[^1].Sequence}";
        var contentType = _options.Format == WebhookBodyFormat.NdJson ? "application/x-ndjson" : "application/json";

        var result = await _http.PostAsync(_uri, body.WrittenMemory, contentType, headers =>
        {
            headers.Add(WebhookOptions.TimestampHeader, timestamp);
            headers.Add(WebhookOptions.SignatureHeader, signature);
            headers.Add(WebhookOptions.SequencesHeader, sequences);
        }, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new ExportDeliveryException($"{_http.Destination}: the batch was refused (HTTP {result.Code})");
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
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
