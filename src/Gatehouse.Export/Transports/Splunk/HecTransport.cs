using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Gatehouse.Export.Transports.Http;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Transports.Splunk;

/// <summary>Posts batches to Splunk HEC and, with indexer acknowledgement, waits until the indexers confirm them.</summary>
/// <remarks>
/// Stages: POST <c>/services/collector/event</c> with the batch on this transport's request channel; read the
/// <c>ackId</c>; poll <c>/services/collector/ack</c> until it is true. Only then is the batch delivered. If the
/// acknowledgement does not come within <see cref="HecOptions.AckTimeout"/>, the batch is sent again: Splunk may then
/// hold it twice, which is what at-least-once allows and the sequence field lets a search remove.
/// </remarks>
internal sealed class HecTransport : IExportTransport
{
    // Each call builds its own body, so concurrent deliveries cannot interleave.
    private const int InitialBodyBytes = 64 * 1024;

    private readonly HecOptions _options;
    private readonly HttpDelivery _http;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HecBatchWriter _writer;
    private readonly Uri _eventUri;
    private readonly Uri _ackUri;
    private readonly string _channel = Guid.NewGuid().ToString();

    public HecTransport(HecOptions options, string host, HttpClient? client, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _writer = new HecBatchWriter(options, host);
        _eventUri = HttpDelivery.Combine(options.Url, "/services/collector/event");
        _ackUri = HttpDelivery.Combine(options.Url, "/services/collector/ack");
        _http = new HttpDelivery(client, time, options.RequestTimeout, HttpDelivery.Describe("splunk hec", _eventUri));
    }

    public async ValueTask DeliverAsync(IReadOnlyList<ExportEvent> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var body = new ArrayBufferWriter<byte>(InitialBodyBytes);
        _writer.Write(batch, body);
        var result = await _http.PostAsync(_eventUri, body.WrittenMemory, "application/json", AddHeaders, cancellationToken);
        ThrowUnlessAccepted(result);
        if (!_options.UseAcknowledgement)
        {
            return;
        }

        var ackId = HecReply.AckId(result.Body) ?? throw new ExportDeliveryException(
            $"{_http.Destination}: the answer carries no ackId; enable indexer acknowledgement on the token or turn acknowledgement off");
        await WaitForAckAsync(ackId, cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitForAckAsync(long ackId, CancellationToken cancellationToken)
    {
        var query = Encoding.UTF8.GetBytes($$"""{"acks":[{{ackId}}]}""");
        var started = _time.GetTimestamp();
        for (var polls = 1; ; polls++)
        {
            await Task.Delay(_options.AckPollInterval, _time, cancellationToken);
            var result = await _http.PostAsync(_ackUri, query, "application/json", AddHeaders, cancellationToken);

            // A busy server (503) answers no ack query; it is asked again until the time-out.
            if (result.Status != HttpStatusCode.ServiceUnavailable)
            {
                ThrowUnlessAccepted(result);
                if (HecReply.IsAcknowledged(result.Body, ackId))
                {
                    TransportLog.HecAcknowledged(_logger, _http.Destination, ackId, polls);
                    return;
                }
            }

            if (_time.GetElapsedTime(started) >= _options.AckTimeout)
            {
                throw new ExportDeliveryException(
                    $"{_http.Destination}: ack {ackId} not confirmed within {_options.AckTimeout.TotalSeconds:0.###} s; the batch is sent again");
            }
        }
    }

    private void AddHeaders(HttpRequestHeaders headers)
    {
        headers.Authorization = new AuthenticationHeaderValue("Splunk", _options.Token);
        if (_options.UseAcknowledgement)
        {
            headers.Add("X-Splunk-Request-Channel", _channel);
        }
    }

    private void ThrowUnlessAccepted(HttpResult result)
    {
        if (result.IsSuccess)
        {
            return;
        }

        var code = HecReply.Code(result.Body) is { } hec ? $", HEC code {hec}" : "";
        var reason = result.Status switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => "the token was refused: check the HEC token and that it is enabled",
            HttpStatusCode.ServiceUnavailable => "the server is busy",
            HttpStatusCode.BadRequest => "the batch was refused as invalid",
            _ => "the batch was refused",
        };
        throw new ExportDeliveryException($"{_http.Destination}: {reason} (HTTP {result.Code}{code})");
    }
}
