using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gatehouse.FunctionalTests.Infrastructure;
using Gatehouse.Gateway.Configuration;
using Microsoft.AspNetCore.Http;

namespace Gatehouse.FunctionalTests;

/// <summary>Slow clients (slowloris) are cut off on time, and other clients are served meanwhile.</summary>
public sealed class SlowClientTests : GatewayTest
{
    protected override GatehouseConfig Adjust(GatehouseConfig config) =>
        config with { Limits = config.Limits with { RequestHeadersTimeout = TimeSpan.FromSeconds(1), MinRequestBodyBytesPerSecond = 10_000 } };

    [Fact]
    public async Task HeadersSentSlowly_ConnectionIsClosedAfterTheTimeout_WhileOthersAreServed()
    {
        Upstream.Handler = (context, _) => context.Response.WriteAsync(OpenAIShapes.Completion("served"));
        using var slow = await ConnectAsync();
        var stream = slow.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("POST /openai/v1/chat/completions HTTP/1.1\r\nHost: gatehouse\r\n"), TestContext.Current.CancellationToken);

        var served = await Gateway.Client(Gateway.Token("ivy", "dev")).PostAsync("openai/v1/chat/completions", Body(), TestContext.Current.CancellationToken);
        // The configured timeout is 1 s; Kestrel's own default is 30 s. The bound leaves a busy machine room and still
        // tells the two apart.
        var closed = await ReadToEndAsync(stream, TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.True(closed, "the gateway kept a connection open that never finished its headers (within 20 s)");
        Assert.Single(Upstream.Received);
    }

    [Fact]
    public async Task BodySentSlowly_GetsARefusalAndIsNeverForwarded()
    {
        using var slow = await ConnectAsync();
        var stream = slow.GetStream();
        var headers = $"POST /openai/v1/chat/completions HTTP/1.1\r\nHost: gatehouse\r\nAuthorization: Bearer {Gateway.Token("ivy", "dev")}\r\n" +
            "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"model\":\"gpt-test\",";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(headers), TestContext.Current.CancellationToken);

        // One byte a second: far below the configured minimum rate once the 5-second grace is over. The client gives up
        // after 30 s, which leaves a busy machine room; a gateway that never cuts it off keeps it trickling past that.
        var answer = new StringBuilder();
        var buffer = new byte[4096];
        var clock = Stopwatch.StartNew();
        var cut = false;
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                await stream.WriteAsync(" "u8.ToArray(), TestContext.Current.CancellationToken);
            }
            catch (IOException)
            {
                cut = true;
                break;
            }

            if (stream.DataAvailable)
            {
                var read = await stream.ReadAsync(buffer, TestContext.Current.CancellationToken);
                answer.Append(Encoding.ASCII.GetString(buffer, 0, read));
                cut = true;
                break;
            }

            await Task.Delay(1000, TestContext.Current.CancellationToken);
        }

        Assert.True(cut, $"the gateway waited {clock.Elapsed} on a client that sent one byte a second");
        Assert.True(answer.Length == 0 || answer.ToString().StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer.ToString());
        Assert.Empty(Upstream.Received);
    }

    private async Task<TcpClient> ConnectAsync()
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Gateway.BaseUri.Port, TestContext.Current.CancellationToken);
        return client;
    }

    private static async Task<bool> ReadToEndAsync(NetworkStream stream, TimeSpan within)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within);
        var buffer = new byte[4096];
        try
        {
            while (await stream.ReadAsync(buffer, timeout.Token) > 0)
            {
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static StringContent Body() =>
        new("""{"model":"gpt-test","messages":[{"role":"user","content":"hello"}]}""", Encoding.UTF8, "application/json");
}
