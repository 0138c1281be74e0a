using System.Net;
using System.Net.Http.Json;

namespace Gatehouse.Gateway.Agents;

/// <summary>
/// One live tunnel to an agent: the WebSocket stream it dialled, over which the gateway runs HTTP/2 as the client.
/// </summary>
/// <remarks>
/// The HTTP/2 connection is the only one the handler may ever open: its connect callback hands out the tunnel stream
/// once and refuses afterwards, so a lost tunnel is never silently re-dialled (the gateway never dials in). HTTP/2
/// carries every exchange as a stream of its own with its own flow control, so streams stay streams and a slow client
/// slows only its own exchange. Keep-alive pings find a tunnel whose peer vanished without closing it.
/// </remarks>
internal sealed class AgentTunnel : IDisposable
{
    private readonly TunnelStream _stream;
    private readonly HttpMessageInvoker _client;
    private int _connected;
    private int _inFlight;
    private long _requests;

    public AgentTunnel(string id, string name, string tokenId, Stream stream, DateTimeOffset since, string? remoteAddress, string version, string instance)
    {
        Id = id;
        Name = name;
        TokenId = tokenId;
        Since = since;
        RemoteAddress = remoteAddress;
        Version = version;
        Instance = instance;
        _stream = new TunnelStream(stream);
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            ConnectCallback = (_, _) => Interlocked.Exchange(ref _connected, 1) == 0
                ? ValueTask.FromResult<Stream>(_stream)
                : ValueTask.FromException<Stream>(new AgentUnavailableException(Name)),
            EnableMultipleHttp2Connections = false,

            // An idle tunnel is kept open (thirty days: the pool's timers do not take more); pings find a dead one.
            PooledConnectionIdleTimeout = TimeSpan.FromDays(30),
            KeepAlivePingDelay = TimeSpan.FromSeconds(15),
            KeepAlivePingTimeout = TimeSpan.FromSeconds(15),
            KeepAlivePingPolicy = HttpKeepAlivePingPolicy.Always,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
        }, disposeHandler: true);
    }

    public string Id { get; }

    public string Name { get; }

    public string TokenId { get; }

    public DateTimeOffset Since { get; }

    public string? RemoteAddress { get; }

    public string Version { get; }

    public string Instance { get; }

    /// <summary>Gets the keys of the upstreams the agent said it may reach.</summary>
    public IReadOnlyList<string> Upstreams { get; private set; } = [];

    /// <summary>Gets a task that completes when the tunnel has closed, for whatever reason.</summary>
    public Task Closed => _stream.Closed;

    public bool IsClosed => _stream.Closed.IsCompleted;

    public int InFlight => Volatile.Read(ref _inFlight);

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Opens the HTTP/2 connection by asking the agent who it is; the tunnel is usable once this returns.</summary>
    public async Task HelloAsync(CancellationToken cancellationToken)
    {
        using var request = Prepare(new HttpRequestMessage(HttpMethod.Get, $"http://{AgentProtocol.TunnelHost}{AgentProtocol.HelloPath}"));
        using var response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var hello = await response.Content.ReadFromJsonAsync(AgentJsonContext.Default.AgentHello, cancellationToken).ConfigureAwait(false);
        Upstreams = hello?.Upstreams ?? [];
    }

    /// <summary>Sends one exchange's request through the tunnel; it counts as in flight until its response body is disposed.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _requests);
        HttpResponseMessage response;
        try
        {
            response = await _client.SendAsync(Prepare(request), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (IsClosed && error is not (OperationCanceledException or AgentUnavailableException))
        {
            Release();
            throw new AgentTunnelLostException(Name, error);
        }
        catch
        {
            Release();
            throw;
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var content = new StreamContent(new TunnelResponseStream(body, this));
        foreach (var header in response.Content.Headers)
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = content;
        return response;
    }

    /// <summary>Ends one exchange's claim on the tunnel.</summary>
    public void Release() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Closes the tunnel: exchanges on it fail, and the agent sees its connection end and dials again.</summary>
    public void Dispose()
    {
        _client.Dispose();
        _stream.Dispose();
    }

    private static HttpRequestMessage Prepare(HttpRequestMessage request)
    {
        // Prior-knowledge HTTP/2 over the tunnel stream: never a downgrade to HTTP/1.1, never TLS inside the tunnel.
        request.Version = HttpVersion.Version20;
        request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        return request;
    }
}
