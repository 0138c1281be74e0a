using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Gatehouse.LoadBench.Agent;

/// <summary>
/// Runs agent sessions against a gateway as the agents do: each session sends its turns one after another (the next
/// request when the previous answer has been read to its end), the sessions at once.
/// </summary>
internal sealed class ConversationClient : IDisposable
{
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
    })
    { Timeout = TimeSpan.FromMinutes(2) };

    public void Dispose() => _client.Dispose();

    /// <summary>Runs every session to its last turn; returns each request's latency in microseconds, and the failures.</summary>
    public async Task<(List<long> Latencies, long Errors)> RunAsync(IReadOnlyList<AgentSession> sessions, Func<AgentApi, Uri> url, string bearer)
    {
        var latencies = new List<long>();
        long errors = 0;
        await Task.WhenAll(sessions.Select(async session =>
        {
            for (var turn = 0; turn < session.Requests.Count; turn++)
            {
                var (ok, micros) = await OneAsync(url(session.Api), session, session.Requests[turn], bearer);
                lock (latencies)
                {
                    if (ok)
                    {
                        latencies.Add(micros);
                    }
                    else
                    {
                        errors++;
                    }
                }
            }
        }));
        latencies.Sort();
        return (latencies, errors);
    }

    private async Task<(bool Ok, long Micros)> OneAsync(Uri url, AgentSession session, byte[] body, string bearer)
    {
        var clock = Stopwatch.StartNew();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        if (session.Api == AgentApi.AnthropicMessages)
        {
            request.Headers.TryAddWithoutValidation("anthropic-version", "2023-06-01");
        }

        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            await stream.CopyToAsync(Stream.Null);
            return (response.StatusCode == HttpStatusCode.OK, (long)clock.Elapsed.TotalMicroseconds);
        }
        catch (HttpRequestException)
        {
            return (false, 0);
        }
        catch (IOException)
        {
            return (false, 0);
        }
    }
}
