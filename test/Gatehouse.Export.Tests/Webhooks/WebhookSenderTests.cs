using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Gatehouse.Export.Tests.Transports;
using Gatehouse.Export.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Gatehouse.Export.Tests.Webhooks;

public sealed class WebhookSenderTests : IDisposable
{
    private const string Secret = "whsec-shared-0123456789";
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _client = new();
    private readonly FakeTimeProvider _time = new(Now);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task Send_SignedWithKindHeaders_ReceiverVerifiesAndSeesEveryHeader()
    {
        await using var server = await StartAsync(StatusCodes.Status202Accepted);
        var body = Encoding.UTF8.GetBytes("""{"event":"approval.requested"}""");

        var attempt = await new WebhookSender(_time).SendAsync(_client, Request(server.Url, body, signed: true), TestContext.Current.CancellationToken);

        Assert.Equal(new WebhookAttempt(202, null), attempt);
        Assert.True(attempt.Delivered);
        var request = Assert.Single(_requests);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.Equal("approval.requested", request.Headers[WebhookHeaders.Event]);
        Assert.Equal("whd_1", request.Headers[WebhookHeaders.Delivery]);
        Assert.Equal(body, request.Body);
        Assert.True(WebhookSignature.Verify(
            Secret, request.Headers[WebhookHeaders.Timestamp], request.Headers[WebhookHeaders.Signature], request.Body, Now, WebhookSignature.DefaultWindow));
    }

    [Fact]
    public async Task Send_NoKey_CarriesTimestampButNoSignature()
    {
        await using var server = await StartAsync(StatusCodes.Status503ServiceUnavailable);

        var attempt = await new WebhookSender(_time).SendAsync(_client, Request(server.Url, [1, 2, 3], signed: false), TestContext.Current.CancellationToken);

        Assert.False(attempt.Delivered);
        Assert.True(attempt.Retryable);
        var request = Assert.Single(_requests);
        Assert.Equal(Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), request.Headers[WebhookHeaders.Timestamp]);
        Assert.False(request.Headers.ContainsKey(WebhookHeaders.Signature));
    }

    [Fact]
    public async Task Send_NothingListens_ReturnsTheErrorCategoryNeverTheUrl()
    {
        // Bound but not listening: connections to the port are refused, and no other process can take it meanwhile (a
        // port released after it was found free could be listening again, for someone else, by the time it is dialled).
        using var parked = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        parked.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)parked.LocalEndPoint!).Port;

        var attempt = await new WebhookSender(_time).SendAsync(
            _client, Request($"http://127.0.0.1:{port}", [1], signed: true) with { Url = new Uri($"http://127.0.0.1:{port}/hook?token=s3cr3t") },
            TestContext.Current.CancellationToken);

        Assert.Null(attempt.Status);
        Assert.True(attempt.Retryable);
        Assert.Equal(nameof(HttpRequestError.ConnectionError), attempt.Outcome);
    }

    private static WebhookRequest Request(string baseUrl, byte[] body, bool signed) => new()
    {
        Url = new Uri(baseUrl + "/hook"),
        Body = body,
        ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" },
        SigningKey = signed ? Encoding.UTF8.GetBytes(Secret) : null,
        Timeout = TimeSpan.FromMinutes(1),
        Headers = [new(WebhookHeaders.Event, "approval.requested"), new(WebhookHeaders.Delivery, "whd_1")],
    };

    private Task<LoopbackHttpServer> StartAsync(int status) => LoopbackHttpServer.StartAsync(app =>
        app.MapPost("/hook", async (HttpContext context) =>
        {
            _requests.Enqueue(await RecordedRequest.ReadAsync(context));
            return Results.StatusCode(status);
        }));
}
