using System.Collections.Concurrent;
using System.Text.Json;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Export.Tests.Transports.Otlp;

public sealed class OtlpTransportTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _client = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Deliver_Batch_PostsOtlpJsonLogRecords()
    {
        await using var server = await StartAsync(Results.Json(new { }));
        await using var transport = Create(server.Url);
        List<ExportEvent> batch =
        [
            TestEvents.Json(5),
            TestEvents.Text(6, "CEF:0|Gatehouse|x|1|deny|Denied|5|suser=zoë", ExportSeverity.Notice),
            TestEvents.Json(7, "approval.review", ExportSeverity.Warning),
            TestEvents.Json(8, "audit.failure", ExportSeverity.Error),
        ];

        await transport.DeliverAsync(batch, TestContext.Current.CancellationToken);

        var request = Assert.Single(_requests);
        Assert.Equal("/v1/logs", request.Path);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal("collector-key", request.Headers["x-api-key"]);
        using var document = JsonDocument.Parse(request.Body);
        var resourceLogs = Assert.Single(document.RootElement.GetProperty("resourceLogs").EnumerateArray());
        var resource = Assert.Single(resourceLogs.GetProperty("resource").GetProperty("attributes").EnumerateArray());
        Assert.Equal(("service.name", "gatehouse"), (resource.GetProperty("key").GetString(), resource.GetProperty("value").GetProperty("stringValue").GetString()));
        var scopeLogs = Assert.Single(resourceLogs.GetProperty("scopeLogs").EnumerateArray());
        Assert.Equal("gatehouse.audit", scopeLogs.GetProperty("scope").GetProperty("name").GetString());
        var records = scopeLogs.GetProperty("logRecords").EnumerateArray().ToList();
        Assert.Equal(batch.Select(e => Nanos(e.Time)), records.Select(r => r.GetProperty("timeUnixNano").GetString()));
        Assert.All(records, r => Assert.Equal(Nanos(Now), r.GetProperty("observedTimeUnixNano").GetString()));
        Assert.Equal([9, 10, 13, 17], records.Select(r => r.GetProperty("severityNumber").GetInt32()));
        Assert.Equal(["INFO", "INFO2", "WARN", "ERROR"], records.Select(r => r.GetProperty("severityText").GetString()));
        Assert.Equal(batch.Select(TestEvents.PayloadText), records.Select(r => r.GetProperty("body").GetProperty("stringValue").GetString()));
        Assert.Equal(["5", "6", "7", "8"], records.Select(r => Attribute(r, "gatehouse.seq").GetProperty("intValue").GetString()));
        Assert.Equal(batch.Select(e => e.Kind), records.Select(r => Attribute(r, "gatehouse.kind").GetProperty("stringValue").GetString()));
    }

    [Theory]
    [InlineData("\"2\"")]
    [InlineData("2")]
    public async Task Deliver_PartialSuccessWithRejectedRecords_Throws(string rejected)
    {
        var answer = $$$"""{"partialSuccess":{"rejectedLogRecords":{{{rejected}}},"errorMessage":"record too large"}}""";
        await using var server = await StartAsync(Results.Text(answer, "application/json"));
        await using var transport = Create(server.Url);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync(TestEvents.JsonBatch(1, 3), TestContext.Current.CancellationToken));

        Assert.Equal($"otlp {server.Url}/v1/logs: the collector rejected 2 of 3 records", error.Message);
    }

    [Fact]
    public async Task Deliver_PartialSuccessWithWarningOnly_Completes()
    {
        var answer = """{"partialSuccess":{"rejectedLogRecords":"0","errorMessage":"attributes were truncated"}}""";
        await using var server = await StartAsync(Results.Text(answer, "application/json"));
        await using var transport = Create(server.Url);

        await transport.DeliverAsync(TestEvents.JsonBatch(1, 2), TestContext.Current.CancellationToken);

        Assert.Single(_requests);
    }

    [Theory]
    [InlineData(StatusCodes.Status503ServiceUnavailable, "the collector asks for a retry")]
    [InlineData(StatusCodes.Status400BadRequest, "the collector refused the batch")]
    public async Task Deliver_ErrorStatus_Throws(int status, string reason)
    {
        await using var server = await StartAsync(Results.StatusCode(status));
        await using var transport = Create(server.Url);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.Equal($"otlp {server.Url}/v1/logs: {reason} (HTTP {status})", error.Message);
    }

    private static string Nanos(DateTimeOffset time) => (time.ToUnixTimeMilliseconds() * 1_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement Attribute(JsonElement record, string key)
        => record.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("key").GetString() == key).GetProperty("value");

    private Task<LoopbackHttpServer> StartAsync(IResult answer) => LoopbackHttpServer.StartAsync(app =>
        app.MapPost("/v1/logs", async (HttpContext context) =>
        {
            _requests.Enqueue(await RecordedRequest.ReadAsync(context));
            return answer;
        }));

    private IExportTransport Create(string url)
        => NetworkTransports.CreateOtlp(
            new OtlpOptions { Endpoint = url, Headers = new Dictionary<string, string> { ["x-api-key"] = "collector-key" } },
            _client,
            new FakeTimeProvider(Now));
}
