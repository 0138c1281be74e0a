using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace Gatehouse.FunctionalTests.Infrastructure;

/// <summary>
/// A client that keeps one HTTP/1.1 keep-alive connection to the gateway, as a single agent does, and counts the
/// connections it opened, so a test can show that every request went over the same one.
/// </summary>
internal sealed class OneConnection : IDisposable
{
    private readonly HttpClient _client;
    private int _opened;

    public OneConnection(Uri gateway, string token)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            ConnectCallback = async (context, cancellationToken) =>
            {
                Interlocked.Increment(ref _opened);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { BaseAddress = gateway, Timeout = Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    /// <summary>Gets how many TCP connections the client has opened.</summary>
    public int Opened => Volatile.Read(ref _opened);

    /// <summary>Sends a small non-streamed chat request and returns the status and the whole body.</summary>
    public async Task<(System.Net.HttpStatusCode Status, string Body)> ChatAsync(CancellationToken cancellationToken)
    {
        using var content = new StringContent("""{"model":"gpt-test","messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("openai/v1/chat/completions", content, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    public void Dispose() => _client.Dispose();
}
