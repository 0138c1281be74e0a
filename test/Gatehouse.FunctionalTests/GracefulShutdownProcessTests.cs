using System.Net;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>
/// Stopping the real executable (SIGINT, as Ctrl+C, a service manager or an orchestrator does) lets an exchange that is
/// still streaming finish and be recorded, however long the drain takes within the host's shutdown window.
/// </summary>
public sealed class GracefulShutdownProcessTests : IAsyncLifetime
{
    private const string Ready = "audit store: ";

    private readonly string _directory = Directory.CreateTempSubdirectory("gatehouse-shutdown-").FullName;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private FakeUpstream _upstream = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _upstream = await FakeUpstream.StartAsync();
        _upstream.Handler = async (context, _) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync(Sse.Data(OpenAIShapes.Chunk(new { content = "first half, " }, null)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await _release.Task.WaitAsync(context.RequestAborted);
            await context.Response.WriteAsync(Sse.Data(OpenAIShapes.Chunk(new { content = "second half" }, "stop")) + Sse.Data("[DONE]"), context.RequestAborted);
        };
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _upstream.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Interrupt_WhileAStreamIsInFlight_TheStreamFinishesIsAuditedAndTheProcessExitsZero()
    {
        var config = Path.Combine(_directory, "gatehouse.yaml");
        await File.WriteAllTextAsync(config, $"""
            dev: true
            connections:
              - name: slow
                kind: openai
                upstream: {_upstream.BaseUri}
            """, Token);
        await using var serve = await GatehouseProcess.ServeAsync(_directory, Ready, at => ["serve", "--dev", "--config", config, "--urls", at]);
        var token = await GatehouseProcess.RunAsync(_directory, "dev", "token", "--user", "alice", "--groups", "dev", "--url", serve.Url);
        Assert.True(token.ExitCode == 0, token.Error);

        using var client = new HttpClient { BaseAddress = new Uri(serve.Url), Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token.Output.Trim());
        using var request = new HttpRequestMessage(HttpMethod.Post, "slow/v1/chat/completions")
        {
            Content = new StringContent("""{"model":"gpt-test","stream":true,"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"),
        };
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var body = await response.Content.ReadAsStreamAsync(Token);
        var received = new StringBuilder();
        var buffer = new byte[4096];
        while (!received.ToString().Contains("first half", StringComparison.Ordinal))
        {
            var read = await body.ReadAsync(buffer, Token);
            Assert.True(read > 0, "the stream ended before its first event");
            received.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        await serve.SendInterruptAsync();

        // The drain outlasts a short forced-exit window on purpose: the upstream answers the rest only after three
        // seconds of shutdown (a command-line runner's default forced exit came at two, cutting the stream and losing
        // its outcome). The wait is the premise of the test, not a guess at how long something takes.
        await Task.Delay(TimeSpan.FromSeconds(3), Token);
        _release.TrySetResult();
        int read2;
        while ((read2 = await body.ReadAsync(buffer, Token)) > 0)
        {
            received.Append(Encoding.UTF8.GetString(buffer, 0, read2));
        }

        Assert.Contains("second half", received.ToString(), StringComparison.Ordinal);
        Assert.Contains("data: [DONE]", received.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, await serve.WaitForExitAsync());

        var search = await GatehouseProcess.RunAsync(_directory, "audit", "search", "--user", "alice", "--json");
        Assert.True(search.ExitCode == 0, search.Error);
        Assert.Contains("\"status\":200", search.Output.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
