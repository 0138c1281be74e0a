using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Gatehouse.Export.Transports;
using Gatehouse.Export.Transports.Webhook;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Export.Tests.Transports.Webhook;

public sealed class WebhookTransportTests : IDisposable
{
    private const string Secret = "whsec-0123456789abcdef";
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _client = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Deliver_JsonArray_ReceiverVerifiesSignatureOverTimestampAndBody()
    {
        await using var server = await StartAsync(StatusCodes.Status204NoContent);
        await using var transport = Create(server.Url, WebhookBodyFormat.JsonArray);
        List<ExportEvent> batch = [TestEvents.Json(10), TestEvents.Text(11, "CEF:0|Gatehouse|x|1|deny|Denied|5|msg=\"quoted\"")];

        await transport.DeliverAsync(batch, TestContext.Current.CancellationToken);

        var request = Assert.Single(_requests);
        Assert.Equal("application/json", request.ContentType);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), request.Headers["x-gatehouse-timestamp"]);
        Assert.Equal(ExpectedSignature(request), request.Headers["x-gatehouse-signature"]);
        Assert.Equal("10-11", request.Headers["x-gatehouse-sequences"]);
        using var body = JsonDocument.Parse(request.Body);
        var items = body.RootElement.EnumerateArray().ToList();
        Assert.Equal(10, items[0].GetProperty("seq").GetInt64());
        Assert.Equal(TestEvents.PayloadText(batch[1]), items[1].GetString());
    }

    [Fact]
    public async Task Deliver_NdJson_SendsOneEventPerLine()
    {
        await using var server = await StartAsync(StatusCodes.Status200OK);
        await using var transport = Create(server.Url, WebhookBodyFormat.NdJson);

        await transport.DeliverAsync(TestEvents.JsonBatch(1, 3), TestContext.Current.CancellationToken);

        var request = Assert.Single(_requests);
        Assert.Equal("application/x-ndjson", request.ContentType);
        Assert.Equal(ExpectedSignature(request), request.Headers["x-gatehouse-signature"]);
        var lines = Encoding.UTF8.GetString(request.Body).Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal([1L, 2, 3], lines[..^1].Select(l => JsonDocument.Parse(l).RootElement.GetProperty("seq").GetInt64()));
    }

    [Theory]
    [InlineData(StatusCodes.Status401Unauthorized)]
    [InlineData(StatusCodes.Status404NotFound)]
    [InlineData(StatusCodes.Status500InternalServerError)]
    public async Task Deliver_Non2xxAnswer_ThrowsWithStatus(int status)
    {
        await using var server = await StartAsync(status);
        await using var transport = Create(server.Url, WebhookBodyFormat.JsonArray);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.Equal($"webhook {server.Url}/hooks/audit: the batch was refused (HTTP {status})", error.Message);
    }

    [Fact]
    public async Task Deliver_ReceiverSlowerThanRequestTimeout_ThrowsTimeout()
    {
        await using var server = await LoopbackHttpServer.StartAsync(app => app.MapPost("/hooks/audit", async (HttpContext context) =>
        {
            // Never answers: the client's timeout is the only way out, however slow the machine.
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        }));
        await using var transport = NetworkTransports.CreateWebhook(
            new WebhookOptions { Url = server.Url + "/hooks/audit", Secret = Secret, RequestTimeout = TimeSpan.FromMilliseconds(200) },
            _client,
            TimeProvider.System);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.Equal($"webhook {server.Url}/hooks/audit: no response within 0.2 s", error.Message);
    }

    [Fact]
    public async Task Deliver_OwnClientGetsRedirect_ThrowsInsteadOfFollowing()
    {
        await using var server = await LoopbackHttpServer.StartAsync(app =>
        {
            app.MapPost("/hooks/audit", () => Results.Redirect("/elsewhere", permanent: false, preserveMethod: true));
            app.MapPost("/elsewhere", async (HttpContext context) =>
            {
                _requests.Enqueue(await RecordedRequest.ReadAsync(context));
                return Results.Ok();
            });
        });
        await using var transport = NetworkTransports.CreateWebhook(
            new WebhookOptions { Url = server.Url + "/hooks/audit", Secret = Secret }, httpClient: null, _time);

        var error = await Assert.ThrowsAsync<ExportDeliveryException>(
            async () => await transport.DeliverAsync([TestEvents.Json(1)], TestContext.Current.CancellationToken));

        Assert.EndsWith("the batch was refused (HTTP 307)", error.Message, StringComparison.Ordinal);
        Assert.Empty(_requests);
    }

    [Fact]
    public void Options_ToString_NeverShowsTheSecret()
    {
        var options = new WebhookOptions { Url = "https://hooks.example", Secret = Secret };

        Assert.DoesNotContain(Secret, options.ToString(), StringComparison.Ordinal);
        Assert.Contains("https://hooks.example", options.ToString(), StringComparison.Ordinal);
    }

    private static string ExpectedSignature(RecordedRequest request)
    {
        var signed = Encoding.UTF8.GetBytes(request.Headers["x-gatehouse-timestamp"] + ".").Concat(request.Body).ToArray();
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), signed));
    }

    private Task<LoopbackHttpServer> StartAsync(int status) => LoopbackHttpServer.StartAsync(app =>
        app.MapPost("/hooks/audit", async (HttpContext context) =>
        {
            _requests.Enqueue(await RecordedRequest.ReadAsync(context));
            return Results.StatusCode(status);
        }));

    private IExportTransport Create(string url, WebhookBodyFormat format)
        => NetworkTransports.CreateWebhook(
            new WebhookOptions { Url = url + "/hooks/audit?tenant=a", Secret = Secret, Format = format }, _client, _time);
}
