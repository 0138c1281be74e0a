using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gatehouse.Gateway.Configuration;
using Gatehouse.Gateway.Mcp.Bridge;
using Gatehouse.Protocols.Sse;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Sse;

/// <summary>
/// One session of the deprecated HTTP+SSE transport (2024-11-05): a GET event stream on which the server first names
/// its message endpoint (the <c>endpoint</c> event) and then sends every message (<c>message</c> events), and one POST
/// to that endpoint per client message.
/// </summary>
/// <remarks>
/// The endpoint must be on the SSE URL's origin: the POSTs carry the connection's credential, which a server must not
/// be able to send elsewhere. Both the GET and the POSTs carry the credential.
/// </remarks>
internal sealed class McpSseChannel : IMcpChannel
{
    private static readonly TimeSpan EndpointTimeout = TimeSpan.FromSeconds(30);

    private readonly string _connection;
    private readonly HttpMessageInvoker _client;
    private readonly CredentialConfig? _credential;
    private readonly HttpResponseMessage _stream;
    private readonly Stream _body;
    private readonly SseParser _parser;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private Uri? _endpoint;

    private McpSseChannel(string connection, HttpMessageInvoker client, CredentialConfig? credential, HttpResponseMessage stream, Stream body, ILogger logger)
    {
        _connection = connection;
        _client = client;
        _credential = credential;
        _stream = stream;
        _body = body;
        _logger = logger;
        _parser = new SseParser(Stdio.McpStdioChannel.MaxMessageBytes);
        Completion = Task.CompletedTask;
    }

    public Task Completion { get; private set; }

    public static async Task<McpSseChannel> OpenAsync(
        string connection, Uri sseUrl, CredentialConfig? credential, HttpMessageInvoker client, Action<JsonObject> onMessage,
        TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, sseUrl);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        AddCredential(request, credential);
        HttpResponseMessage response;
        try
        {
            // Not the caller's token: the stream outlives the request that opened it (it serves every caller).
            using var headers = new CancellationTokenSource(EndpointTimeout, time);
            response = await client.SendAsync(request, headers.Token);
        }
        catch (OperationCanceledException)
        {
            throw Unavailable(connection, logger, "the SSE endpoint did not answer in time");
        }
        catch (HttpRequestException ex)
        {
            throw Unavailable(connection, logger, $"the SSE endpoint could not be reached ({ex.HttpRequestError})");
        }

        if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            throw Unavailable(connection, logger, $"the SSE endpoint answered {status}, not an event stream");
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var channel = new McpSseChannel(connection, client, credential, response, body, logger);
        var first = new TaskCompletionSource<Uri?>(TaskCreationOptions.RunContinuationsAsynchronously);
        channel.Completion = Task.Run(() => channel.ReadAsync(sseUrl, onMessage, first));
        Uri? endpoint;
        try
        {
            endpoint = await first.Task.WaitAsync(EndpointTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            endpoint = null;
        }

        if (endpoint is null)
        {
            await channel.DisposeAsync();
            throw Unavailable(connection, logger, "the event stream named no endpoint on the SSE URL's origin");
        }

        channel._endpoint = endpoint;
        Log.SseOpened(logger, connection);
        return channel;
    }

    public async ValueTask SendAsync(JsonObject message, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        AddCredential(request, _credential);
        using var response = await _client.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the message endpoint answered {(int)response.StatusCode}", null, response.StatusCode);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stream.Dispose();
        try
        {
            await Completion;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // The stream was closed under the reader on purpose.
        }

        _parser.Dispose();
        _stop.Dispose();
    }

    private static void AddCredential(HttpRequestMessage request, CredentialConfig? credential)
    {
        if (credential is not null)
        {
            request.Headers.TryAddWithoutValidation(credential.Header, credential.Prefix + credential.Value);
        }
    }

    private static McpServerUnavailableException Unavailable(string connection, ILogger logger, string reason)
    {
        Log.StartFailed(logger, connection, reason);
        return new McpServerUnavailableException(connection, reason);
    }

    private static bool SameOrigin(Uri a, Uri b)
        => a.Scheme == b.Scheme && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase) && a.Port == b.Port;

    private async Task ReadAsync(Uri sseUrl, Action<JsonObject> onMessage, TaskCompletionSource<Uri?> endpoint)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var reason = "the server closed the event stream";
        try
        {
            int read;
            while ((read = await _body.ReadAsync(buffer, _stop.Token)) > 0)
            {
                foreach (var (type, data) in Events(buffer.AsMemory(0, read)))
                {
                    if (type == "endpoint")
                    {
                        var target = Uri.TryCreate(sseUrl, data, out var uri) && SameOrigin(uri, sseUrl) ? uri : null;
                        endpoint.TrySetResult(target);
                    }
                    else if (type is "" or "message" && Parse(data) is { } message)
                    {
                        onMessage(message);
                    }
                }

                if (_parser.Error is { } error)
                {
                    reason = error;
                    Log.ProtocolViolation(_logger, _connection, error);
                    break;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            reason = ex.GetType().Name;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            endpoint.TrySetResult(null);
        }

        if (!_stop.IsCancellationRequested)
        {
            Log.SseEnded(_logger, _connection, reason);
        }
    }

    private List<(string Type, string Data)> Events(ReadOnlyMemory<byte> chunk)
    {
        var events = new List<(string, string)>();
        var input = chunk.Span;
        while (_parser.TryReadEvent(ref input, out var e))
        {
            events.Add((Encoding.UTF8.GetString(e.EventType.Span), Encoding.UTF8.GetString(e.Data.Span)));
        }

        return events;
    }

    private static JsonObject? Parse(string data)
    {
        try
        {
            return JsonNode.Parse(data) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
