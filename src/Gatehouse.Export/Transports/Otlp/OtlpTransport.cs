using System.Buffers;
using Gatehouse.Export.Transports.Http;

namespace Gatehouse.Export.Transports.Otlp;

/// <summary>Posts batches as OTLP/HTTP JSON log records; a refusal or a partial success with rejected records fails the batch.</summary>
/// <remarks>
/// OTLP answers 200 only once the collector accepted the records (it may still lose them downstream; that is the
/// collector's pipeline). A partial success is a failure here: resending the whole batch may duplicate the accepted
/// records, which at-least-once allows, whereas accepting it would lose the rejected ones.
/// </remarks>
internal sealed class OtlpTransport : IExportTransport
{
    // Each call builds its own body, so concurrent deliveries cannot interleave.
    private const int InitialBodyBytes = 64 * 1024;

    private readonly OtlpOptions _options;
    private readonly HttpDelivery _http;
    private readonly TimeProvider _time;
    private readonly OtlpLogsWriter _writer;
    private readonly Uri _uri;

    public OtlpTransport(OtlpOptions options, HttpClient? client, TimeProvider time)
    {
        _options = options;
        _time = time;
        _writer = new OtlpLogsWriter(options);
        _uri = HttpDelivery.Combine(options.Endpoint, "/v1/logs");
        _http = new HttpDelivery(client, time, options.RequestTimeout, HttpDelivery.Describe("otlp", _uri));
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var body = new ArrayBufferWriter<byte>(InitialBodyBytes);
        _writer.Write(batch, _time.GetUtcNow(), body);
        var result = await _http.PostAsync(_uri, body.WrittenMemory, "application/json", headers =>
        {
            foreach (var (name, value) in _options.Headers)
            {
                headers.TryAddWithoutValidation(name, value);
            }
        }, cancellationToken);

        if (!result.IsSuccess)
        {
            var retryable = result.Code is 429 or 502 or 503 or 504 ? "the collector asks for a retry" : "the collector refused the batch";
            throw new ExportDeliveryException($"{_http.Destination}: {retryable} (HTTP {result.Code})");
        }

        var rejected = OtlpReply.RejectedRecords(result.Body);
        if (rejected > 0)
        {
            throw new ExportDeliveryException($"{_http.Destination}: the collector rejected {rejected} of {batch.Count} records");
        }
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }
}
