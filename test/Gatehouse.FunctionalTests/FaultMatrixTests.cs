using System.Net;
using System.Text;
using Gatehouse.Audit.Records;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Masking.Rules.Catalog;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Each upstream fault, on the real gateway: the client gets a clean answer (a problem document, or a cut stream that
/// no SDK mistakes for a complete one), the audit names the failure, no secret from the prompt or the upstream's error
/// leaks, and a concurrent healthy request is served meanwhile.
/// </summary>
public sealed class FaultMatrixTests : IAsyncLifetime
{
    private const string HealthyMarker = "healthy-request";
    private static readonly string Secret = BuiltInRules.All.Single(r => r.Id == "github-pat").Example;
    private readonly CapturedLogs _logs = new();
    private FakeUpstream _upstream = null!;
    private GatewayUnderTest _gateway = null!;

    /// <summary>
    /// The upstream timeout: short, so the stall tests end soon, yet applied to every request here, the healthy ones
    /// included, so long enough that a loopback answer on a busy machine never meets it.
    /// </summary>
    private static readonly TimeSpan UpstreamTimeout = TimeSpan.FromSeconds(5);

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _gateway = await GatewayUnderTest.StartAsync(
            _upstream, config => config with { Limits = config.Limits with { UpstreamTimeout = UpstreamTimeout } }, _logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task UpstreamResetMidStream_StreamIsCut_AuditSaysUpstreamReset()
    {
        var answer = await RunFaultAsync("reset", stream: true, async (context, clientHasBytes) =>
        {
            await Sse.WriteAsync(context, [Sse.Data(OpenAIShapes.Chunk(new { content = "partial " }, null))]);

            // Reset mid-stream: once the client has bytes, the gateway has read this answer and started its own.
            await clientHasBytes.WaitAsync(context.RequestAborted);
            context.Abort();
        });

        Assert.True(answer.Cut, "a reset stream must not end like a complete one");
        Assert.Equal("upstream_reset", answer.Outcome.Failure);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(40)]
    public async Task MalformedSse_Gets502ProblemOrACutStream_AuditSaysResponseUnreadable(int goodEventsFirst)
    {
        var good = Enumerable.Range(0, goodEventsFirst).Select(i => Sse.Data(OpenAIShapes.Chunk(new { content = $"word{i} " }, null)));
        var answer = await RunFaultAsync("malformed", stream: true, (context, _) => Sse.WriteAsync(context, [
            .. good, "data: {\"choices\":[{\"delta\":{\"content\":\"" + Secret + "\n\n", "data: [DONE]\n\n"]));

        // Before anything was released the client gets a problem; once the stream has started it is cut.
        if (!answer.Cut)
        {
            Assert.Equal(HttpStatusCode.BadGateway, answer.Status);
            AssertProblem(answer, "response_unreadable");
        }

        Assert.Equal("response_unreadable", answer.Outcome.Failure);
    }

    [Fact]
    public async Task UpstreamStallsBeforeHeaders_Gets504Problem_AuditSaysUpstreamTimeout()
    {
        var answer = await RunFaultAsync("stall-headers", stream: false, (context, _) => Task.Delay(Timeout.Infinite, context.RequestAborted));

        Assert.Equal(HttpStatusCode.GatewayTimeout, answer.Status);
        AssertProblem(answer, "upstream_timeout");
        Assert.Equal("upstream_timeout", answer.Outcome.Failure);
    }

    [Fact]
    public async Task UpstreamStallsMidStream_StreamIsCutWithinTheTimeout_AuditNamesTheFailure()
    {
        var answer = await RunFaultAsync("stall-body", stream: true, async (context, _) =>
        {
            await Sse.WriteAsync(context, [Sse.Data(OpenAIShapes.Chunk(new { content = "slow " }, null))]);
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });

        // The stall never ends by itself, so only the gateway's timeout can cut it; the bound (six timeouts) leaves a busy
        // machine room and stays below the 100 s a client would wait without one.
        Assert.True(answer.Cut, "a stalled stream must not end like a complete one");
        Assert.True(answer.Elapsed < 6 * UpstreamTimeout, $"the stall held the client for {answer.Elapsed}");
        Assert.Contains(answer.Outcome.Failure, new[] { "upstream_timeout", "upstream_reset" });
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task UpstreamErrorStatus_IsPassedThrough_AuditRecordsTheStatus(int status)
    {
        var answer = await RunFaultAsync($"status-{status}", stream: false, async (context, _) =>
        {
            context.Response.StatusCode = status;
            if (status == 429)
            {
                context.Response.Headers.RetryAfter = "7";
            }

            await context.Response.WriteAsJsonAsync(new { error = new { message = $"upstream trouble near {Secret}", type = "server_error" } });
        });

        Assert.Equal(status, (int)answer.Status);
        Assert.Contains("[MASKED:github-pat]", answer.Body, StringComparison.Ordinal);
        Assert.Contains("server_error", answer.Body, StringComparison.Ordinal);
        Assert.Equal(status, answer.Outcome.Status);
        if (status == 429)
        {
            Assert.Equal("7", answer.RetryAfter);
        }
    }

    [Fact]
    public async Task UpstreamPlainTextError_WithASecret_IsMaskedBeforeTheClientSeesIt()
    {
        var answer = await RunFaultAsync("plain-error", stream: false, (context, _) =>
        {
            context.Response.StatusCode = 500;
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync($"internal error; debug token {Secret}");
        });

        Assert.Equal(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Contains("[MASKED:github-pat]", answer.Body, StringComparison.Ordinal);
    }

    private static void AssertProblem(FaultAnswer answer, string code)
    {
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Contains($"\"code\":\"{code}\"", answer.Body, StringComparison.Ordinal);
    }

    /// <summary>
    /// Sends a prompt holding a secret to an upstream that fails as <paramref name="fault"/> does; while it fails, a
    /// second caller's request must be served. Then checks the audit and that the secret leaked nowhere. The fault gets
    /// a task that completes once the client has the first bytes of the answer (or has given up on it).
    /// </summary>
    private async Task<FaultAnswer> RunFaultAsync(string user, bool stream, Func<HttpContext, Task, Task> fault)
    {
        var faultStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var clientHasBytes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _upstream.Handler = (context, received) =>
        {
            if (received.BodyText.Contains(HealthyMarker, StringComparison.Ordinal))
            {
                return context.Response.WriteAsync(OpenAIShapes.Completion("fine"));
            }

            faultStarted.TrySetResult();
            return fault(context, clientHasBytes.Task);
        };

        var faulty = SendAsync(user, $"use {Secret} for the deploy", stream, clientHasBytes);
        await faultStarted.Task.WaitAsync(TestContext.Current.CancellationToken);
        using (var healthy = await _gateway.Client(_gateway.Token("healthy-" + user)).PostAsync(
            "openai/v1/chat/completions", Body(HealthyMarker, stream: false), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        }

        var answer = await faulty;
        var record = await _gateway.WaitForExchangeAsync(user);
        await LeakCheck.AssertAbsentAsync(Secret, answer.Body, _logs, _gateway.DatabasePath);
        Assert.DoesNotContain(Secret[4..14], Assert.Single(_upstream.Received, r => !r.BodyText.Contains(HealthyMarker, StringComparison.Ordinal)).BodyText, StringComparison.Ordinal);
        return answer with { Outcome = record.Outcome! };
    }

    private async Task<FaultAnswer> SendAsync(string user, string prompt, bool stream, TaskCompletionSource clientHasBytes)
    {
        try
        {
            return await ReadAnswerAsync(user, prompt, stream, () => clientHasBytes.TrySetResult());
        }
        finally
        {
            // A fault waiting for the client must not wait for ever when no byte came.
            clientHasBytes.TrySetResult();
        }
    }

    private async Task<FaultAnswer> ReadAnswerAsync(string user, string prompt, bool stream, Action firstBytes)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using var request = new HttpRequestMessage(HttpMethod.Post, "openai/v1/chat/completions") { Content = Body(prompt, stream) };
        HttpResponseMessage response;
        try
        {
            response = await _gateway.Client(_gateway.Token(user)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        }
        catch (HttpRequestException)
        {
            // The stream had started at the gateway (headers written, not yet flushed) when it was cut: the client sees
            // the reset before any status, which is the same cut stream.
            return new FaultAnswer(0, null, null, "", Cut: true, watch.Elapsed, null!);
        }

        using var _ = response;
        var body = new StringBuilder();
        var cut = false;
        try
        {
            await using var content = await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken);
            using var reader = new StreamReader(content);
            var buffer = new char[256];
            int read;
            while ((read = await reader.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
            {
                body.Append(buffer, 0, read);
                firstBytes();
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            cut = true;
        }

        return new FaultAnswer(
            response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.RetryAfter?.ToString(), body.ToString(), cut, watch.Elapsed, null!);
    }

    private static StringContent Body(string prompt, bool stream)
        => new($$"""{"model":"gpt-test","stream":{{(stream ? "true" : "false")}},"messages":[{"role":"user","content":"{{prompt}}"}]}""", Encoding.UTF8, "application/json");

    private sealed record FaultAnswer(
        HttpStatusCode Status, string? MediaType, string? RetryAfter, string Body, bool Cut, TimeSpan Elapsed, ExchangeOutcome Outcome);
}
