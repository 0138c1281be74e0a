using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;

namespace Gatehouse.CrashTest;

/// <summary>
/// Keeps <c>concurrency</c> streamed chat requests open against the gateway until stopped, and remembers the exchange id
/// (the <c>x-gatehouse-exchange</c> header) of every stream it read to its end: a 200 whose body ended with
/// <c>data: [DONE]</c> and a clean end of the HTTP response.
/// </summary>
internal sealed class StreamingLoad
{
    private const string Body = """{"model":"crash-model","stream":true,"messages":[{"role":"user","content":"count for me"}]}""";

    private readonly HttpClient _client;
    private readonly string _apiKey;
    private int _started;
    private int _cut;

    public StreamingLoad(HttpClient client, string apiKey)
    {
        _client = client;
        _apiKey = apiKey;
    }

    /// <summary>Gets the ids of the exchanges this load saw complete.</summary>
    public ConcurrentQueue<string> Completed { get; } = new();

    /// <summary>Gets how many responses started (headers received).</summary>
    public int Started => _started;

    /// <summary>Gets how many started responses were cut before their end.</summary>
    public int Cut => _cut;

    /// <summary>Runs until <paramref name="stop"/> is cancelled; every loop then ends.</summary>
    public Task RunAsync(int concurrency, CancellationToken stop)
        => Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => LoopAsync(stop)));

    private async Task LoopAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            await OneAsync(stop);
        }
    }

    private async Task OneAsync(CancellationToken stop)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{CrashWorkspace.Connection}/v1/chat/completions")
        {
            Content = new StringContent(Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        var started = false;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
            started = true;
            Interlocked.Increment(ref _started);
            var id = response.Headers.TryGetValues("x-gatehouse-exchange", out var values) ? values.FirstOrDefault() : null;
            var text = await response.Content.ReadAsStringAsync(stop);
            if (response.IsSuccessStatusCode && id is not null && text.EndsWith("data: [DONE]\n\n", StringComparison.Ordinal))
            {
                Completed.Enqueue(id);
            }
            else
            {
                Interlocked.Increment(ref _cut);
            }
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            // The gateway was killed (or is not up yet): a stream that had started was cut; otherwise try again soon.
            // Whatever form the failure takes (a refused or reset connection, a socket the kill left half-open), it is
            // the kill this harness is testing, not an error of the run.
            if (started)
            {
                Interlocked.Increment(ref _cut);
            }
            else if (!stop.IsCancellationRequested)
            {
                await Task.Delay(20, CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Tells a failure of the connection to the gateway from a bug in this harness: the socket layer can surface a kill
    /// bare (<see cref="System.Net.Sockets.SocketException"/>, e.g. ENOTCONN on a connection opened as the process
    /// died) as well as wrapped in <see cref="HttpRequestException"/> or <see cref="IOException"/>.
    /// </summary>
    internal static bool IsConnectionFailure(Exception error) => error switch
    {
        HttpRequestException or IOException or OperationCanceledException or System.Net.Sockets.SocketException or ObjectDisposedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsConnectionFailure),
        _ => error.InnerException is { } inner && IsConnectionFailure(inner),
    };
}
