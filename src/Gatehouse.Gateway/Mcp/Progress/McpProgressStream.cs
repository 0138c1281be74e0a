using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Gatehouse.Gateway.Exchanges;
using Gatehouse.Gateway.Forwarding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Gatehouse.Gateway.Mcp.Progress;

/// <summary>
/// The event stream the gateway opened for a held MCP call, adopted as the exchange's response: once started, it stands
/// in for the response's features, so everything after the wait (the forwarder copying the upstream's status and
/// headers, the response pipeline, a JSON-RPC error, a problem) writes into it as it would into a response not yet
/// started, and <see cref="McpEventFraming"/> turns what they write into events of the stream already sent.
/// </summary>
/// <remarks>
/// YARP sets the status and copies the upstream's headers before the body; on a started response Kestrel would refuse
/// both. Here they land on this object and are never sent: the client got <c>200 text/event-stream</c> when the wait
/// began. <see cref="HasStarted"/> turns true once a byte of the relayed answer has passed, so that a failure after that
/// point cuts the stream (as for any started response) instead of writing a second answer into it.
/// </remarks>
internal sealed class McpProgressStream : IHttpResponseFeature, IHttpResponseBodyFeature
{
    private static readonly byte[] EventPrefix = "event: message\ndata: "u8.ToArray();
    private static readonly byte[] EventEnd = "\n\n"u8.ToArray();

    private readonly IHttpResponseFeature _sent;
    private readonly IHttpResponseBodyFeature _client;
    private readonly McpEventFraming _framing;
    private PipeWriter? _writer;

    private McpProgressStream(IHttpResponseFeature sent, IHttpResponseBodyFeature client, Exchange exchange)
    {
        _sent = sent;
        _client = client;
        _framing = new McpEventFraming(this, client.Stream, exchange.Request?.Mcp?.Id);
    }

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    public string? ReasonPhrase { get; set; }

    public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

    [Obsolete("Use IHttpResponseBodyFeature.Stream instead.")]
    public Stream Body
    {
        get => _framing;
        set => throw new NotSupportedException("The event stream's body cannot be replaced.");
    }

    public bool HasStarted => _framing.Passed;

    public Stream Stream => _framing;

    public PipeWriter Writer => _writer ??= PipeWriter.Create(_framing, new StreamPipeWriterOptions(leaveOpen: true));

    /// <summary>
    /// Starts the client's response as an event stream (200, <c>text/event-stream</c>, not cached) and adopts it as the
    /// exchange's response.
    /// </summary>
    public static async Task<McpProgressStream> StartAsync(HttpContext context, Exchange exchange, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers[UpstreamTransformer.ExchangeHeader] = exchange.Id;
        var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        body.DisableBuffering();
        await body.StartAsync(cancellationToken);
        await body.Stream.FlushAsync(cancellationToken);

        var stream = new McpProgressStream(context.Features.GetRequiredFeature<IHttpResponseFeature>(), body, exchange);
        context.Features.Set<IHttpResponseFeature>(stream);
        context.Features.Set<IHttpResponseBodyFeature>(stream);
        return stream;
    }

    /// <summary>
    /// Tells the client the call is still waiting: a <c>notifications/progress</c> for its <paramref name="token"/> (the
    /// JSON text of the request's <c>progressToken</c>), else an SSE comment, which is no JSON-RPC message and which SSE
    /// readers skip.
    /// </summary>
    public async Task WaitingAsync(string? token, int progress, string message, CancellationToken cancellationToken)
    {
        if (token is null)
        {
            await _client.Stream.WriteAsync(Encoding.UTF8.GetBytes($": {message}\n\n"), cancellationToken);
        }
        else
        {
            using var json = new MemoryStream();
            await using (var writer = new Utf8JsonWriter(json))
            {
                writer.WriteStartObject();
                writer.WriteString("jsonrpc", "2.0");
                writer.WriteString("method", "notifications/progress");
                writer.WriteStartObject("params");
                writer.WritePropertyName("progressToken");
                writer.WriteRawValue(token, skipInputValidation: false);
                writer.WriteNumber("progress", progress);
                writer.WriteString("message", message);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            await WriteEventAsync(_client.Stream, json.GetBuffer().AsMemory(0, (int)json.Length), cancellationToken);
        }

        await _client.Stream.FlushAsync(cancellationToken);
    }

    /// <summary>Writes one JSON-RPC message as an SSE <c>message</c> event, one <c>data:</c> line per line of its text.</summary>
    public static async Task WriteEventAsync(Stream stream, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(EventPrefix, cancellationToken);
        var rest = message;
        while (rest.Span.IndexOf((byte)'\n') is var newline and >= 0)
        {
            var line = rest[..newline];
            await stream.WriteAsync(line.Span.EndsWith("\r"u8) ? line[..^1] : line, cancellationToken);
            await stream.WriteAsync("\ndata: "u8.ToArray(), cancellationToken);
            rest = rest[(newline + 1)..];
        }

        await stream.WriteAsync(rest, cancellationToken);
        await stream.WriteAsync(EventEnd, cancellationToken);
    }

    public void OnStarting(Func<object, Task> callback, object state)
    {
        // The response started when the wait began; nothing of the adopted response is ever sent as headers.
    }

    public void OnCompleted(Func<object, Task> callback, object state) => _sent.OnCompleted(callback, state);

    public void DisableBuffering()
    {
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
        => SendFileFallback.SendFileAsync(_framing, path, offset, count, cancellationToken);

    /// <summary>Ends the adopted response: the answer it holds goes out as the stream's last event, and the stream ends.</summary>
    public async Task CompleteAsync()
    {
        if (_writer is not null)
        {
            await _writer.FlushAsync();
        }

        await _framing.FinishAsync(StatusCode, Headers.ContentType.ToString(), CancellationToken.None);
        await _client.CompleteAsync();
    }
}
