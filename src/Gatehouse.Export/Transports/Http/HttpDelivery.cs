using System.Net.Http.Headers;

namespace Gatehouse.Export.Transports.Http;

/// <summary>Sends one export request and turns network failures and time-outs into <see cref="ExportDeliveryException"/>.</summary>
/// <remarks>Disposes the client only when it created it (no client was given).</remarks>
internal sealed class HttpDelivery(HttpClient? givenClient, TimeProvider time, TimeSpan timeout, string destination) : IDisposable
{
    private readonly HttpClient _client = givenClient ?? CreateClient();

    /// <summary>The most of a response body that is read: answers here are small JSON documents.</summary>
    private const int MaxResponseBytes = 64 * 1024;

    /// <summary>Gets the destination as named in errors and logs: scheme, authority and path, never credentials or query.</summary>
    public string Destination { get; } = destination;

    /// <summary>Names an HTTP destination without user info or query string, which may carry secrets.</summary>
    public static string Describe(string kind, Uri uri) => $"{kind} {uri.Scheme}://{uri.Authority}{uri.AbsolutePath}";

    /// <summary>Joins a base URL and a path, tolerating a trailing slash on the base.</summary>
    public static Uri Combine(string baseUrl, string path) => new($"{baseUrl.TrimEnd('/')}{path}", UriKind.Absolute);

    public async Task<HttpResult> PostAsync(
        Uri uri, ReadOnlyMemory<byte> body, string contentType, Action<HttpRequestHeaders>? headers, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ReadOnlyMemoryContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        headers?.Invoke(request.Headers);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return new HttpResult(response.StatusCode, await ReadCappedAsync(response.Content, linked.Token));
        }
        catch (HttpRequestException ex)
        {
            throw new ExportDeliveryException($"{Destination}: request failed ({ex.HttpRequestError})", ex);
        }
        catch (IOException ex)
        {
            throw new ExportDeliveryException($"{Destination}: the response was cut off", ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ExportDeliveryException($"{Destination}: no response within {timeout.TotalSeconds:0.###} s", ex);
        }
    }

    public void Dispose()
    {
        if (givenClient is null)
        {
            _client.Dispose();
        }
    }

    // Redirects are not followed: a signed or authorised batch must not be replayed to another address, and a 3xx is
    // a configuration error to report. Pooled connections are recycled so DNS changes are seen.
    internal static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static async Task<ReadOnlyMemory<byte>> ReadCappedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxResponseBytes];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return buffer.AsMemory(0, length);
    }
}
