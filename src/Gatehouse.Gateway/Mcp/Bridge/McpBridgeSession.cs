using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Gatehouse.Protocols.Mcp;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>
/// The gateway as the one client of an MCP server reached over a message channel (a stdio process, an HTTP+SSE
/// session), shared by the callers the channel serves.
/// </summary>
/// <remarks>
/// <para>Each client request goes to the server under a gateway id (and its progress token under a gateway token), so
/// callers sharing the server cannot see or answer each other's messages; the response and the progress notifications
/// of that request come back with the client's own id and token. Other notifications have no client to go to and are
/// dropped; requests the server sends (sampling, roots, elicitation) are answered with "method not found": the gateway
/// declares no client capabilities.</para>
/// <para>The server is initialized once per start: by the first client's <c>initialize</c> (its capabilities cleared),
/// else by the gateway itself before the first request that needs it; later <c>initialize</c> requests are answered
/// from the server's answer. Requests that carry their revision in <c>_meta</c> (2026-07-28) need no initialize.</para>
/// <para>A server that exits is started again at the next message, after a backoff when it keeps exiting soon after
/// starting; requests in flight when it exits fail with <see cref="McpServerUnavailableException"/>.</para>
/// </remarks>
internal sealed class McpBridgeSession : IAsyncDisposable
{
    private const string TokenPrefix = "gatehouse-";
    private static readonly TimeSpan StableAfter = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly string _connection;
    private readonly IMcpChannelFactory _factory;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<long, McpPendingRequest> _pending = new();
    private volatile IMcpChannel? _channel;
    private volatile bool _initialized;
    private JsonObject? _initializeParams;
    private JsonObject? _initializeResult;
    private long _startedAt;
    private int _failures;
    private long _nextId;
    private int _inFlight;
    private long _lastUsed;
    private bool _disposed;

    public McpBridgeSession(string connection, IMcpChannelFactory factory, TimeProvider time, ILogger logger, TimeSpan? idleTimeout = null)
    {
        IdleTimeout = idleTimeout;
        _connection = connection;
        _factory = factory;
        _time = time;
        _logger = logger;
        _lastUsed = time.GetTimestamp();
    }

    /// <summary>Gets how long the session may stay idle before it is stopped, or null to keep it.</summary>
    public TimeSpan? IdleTimeout { get; }

    /// <summary>Gets how many requests wait for the server.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Gets how long ago a message last went through.</summary>
    public TimeSpan Idle => _time.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    /// <summary>Answers a client's <c>initialize</c>: forwarded when the server is not initialized yet, else from its answer.</summary>
    public async Task<McpPendingRequest> InitializeAsync(JsonObject request, CancellationToken cancellationToken)
    {
        Touch();
        IMcpChannel channel;
        JsonObject? error = null;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            channel = await OpenLockedAsync(cancellationToken);
            if (!_initialized)
            {
                _initializeParams = ClientParams(request);
                error = await InitializeLockedAsync(channel, cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }

        var answer = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]?.DeepClone() };
        answer[error is null ? "result" : "error"] = error ?? AnswerFor(request);
        var pending = new McpPendingRequest(channel, null, null);
        pending.Complete(answer);
        return pending;
    }

    /// <summary>Sends a client's request; its notifications and response arrive on the returned request's messages.</summary>
    public async Task<McpPendingRequest> RequestAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var channel = await ReadyAsync(NeedsInitialize(request), cancellationToken);
        return await SendRequestAsync(channel, request, cancellationToken);
    }

    /// <summary>Sends a client's notification.</summary>
    public async Task NotifyAsync(JsonObject notification, CancellationToken cancellationToken)
    {
        var channel = await ReadyAsync(NeedsInitialize(notification), cancellationToken);
        await SendAsync(channel, notification, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            _disposed = true;
            if (_channel is { } channel)
            {
                await channel.DisposeAsync();
                FailPending(channel);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static JsonObject ClientParams(JsonObject request)
    {
        var clone = request["params"] is JsonObject p ? (JsonObject)p.DeepClone() : [];
        clone["capabilities"] = new JsonObject();
        return clone;
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private bool NeedsInitialize(JsonObject message)
        => _factory.AlwaysInitialize
            || !(message["params"] is JsonObject p && p["_meta"] is JsonObject meta && meta.ContainsKey(McpVersions.MetaKey));

    private JsonObject AnswerFor(JsonObject request)
    {
        var result = (JsonObject)_initializeResult!.DeepClone();
        var requested = request["params"] is JsonObject p ? Text(p["protocolVersion"]) : null;

        // A 2024-11-05 server's answer would make the client send a revision the gateway's Streamable HTTP front refuses;
        // the gateway translates the transport, so it answers with the client's revision when it serves that one.
        if (Text(result["protocolVersion"]) is { } version && !McpVersions.IsSupported(version) && requested is not null && McpVersions.IsSupported(requested))
        {
            result["protocolVersion"] = requested;
        }

        return result;
    }

    private async Task<IMcpChannel> ReadyAsync(bool initialize, CancellationToken cancellationToken)
    {
        Touch();
        if (_channel is { Completion.IsCompleted: false } live && (_initialized || !initialize))
        {
            return live;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var channel = await OpenLockedAsync(cancellationToken);
            if (initialize && !_initialized && await InitializeLockedAsync(channel, cancellationToken) is not null)
            {
                throw new McpServerUnavailableException(_connection, "it refused the gateway's initialize request");
            }

            return channel;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<JsonObject?> InitializeLockedAsync(IMcpChannel channel, CancellationToken cancellationToken)
    {
        var parameters = (JsonObject?)_initializeParams?.DeepClone() ?? new JsonObject
        {
            ["protocolVersion"] = _factory.DefaultProtocolVersion,
            ["capabilities"] = new JsonObject(),
            ["clientInfo"] = new JsonObject { ["name"] = "gatehouse", ["version"] = typeof(McpBridgeSession).Assembly.GetName().Version?.ToString(3) ?? "0" },
        };
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 0, ["method"] = "initialize", ["params"] = parameters };
        var pending = await SendRequestAsync(channel, request, cancellationToken);
        JsonObject? response = null;
        await foreach (var message in pending.Messages.ReadAllAsync(cancellationToken))
        {
            response = message;
        }

        if (response?["result"] is JsonObject result)
        {
            _initializeResult = (JsonObject)result.DeepClone();
            await SendAsync(channel, new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "notifications/initialized" }, cancellationToken);
            _initialized = true;
            Log.Initialized(_logger, _connection, Text(result["protocolVersion"]) ?? "?");
            return null;
        }

        return response?["error"] as JsonObject ?? new JsonObject { ["code"] = -32603, ["message"] = "The MCP server did not answer initialize." };
    }

    private async Task<McpPendingRequest> SendRequestAsync(IMcpChannel channel, JsonObject request, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var clientId = request["id"]?.DeepClone();
        request["id"] = id;
        JsonNode? clientToken = null;
        if (request["params"] is JsonObject p && p["_meta"] is JsonObject meta && meta["progressToken"] is { } token)
        {
            clientToken = token.DeepClone();
            meta["progressToken"] = TokenPrefix + id;
        }

        var pending = new McpPendingRequest(channel, clientId, clientToken);
        _pending[id] = pending;
        Interlocked.Increment(ref _inFlight);
        try
        {
            await SendAsync(channel, request, cancellationToken);
        }
        catch
        {
            Forget(id);
            throw;
        }

        pending.Registration = cancellationToken.Register(() => Cancel(id));
        if (channel.Completion.IsCompleted)
        {
            FailPending(channel);
        }

        return pending;
    }

    private async Task SendAsync(IMcpChannel channel, JsonObject message, CancellationToken cancellationToken)
    {
        try
        {
            await channel.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or HttpRequestException)
        {
            throw new McpServerUnavailableException(_connection, "the server closed its input", ex);
        }
    }

    private void Cancel(long id)
    {
        if (Forget(id) is not { } pending)
        {
            return;
        }

        pending.Fail(new OperationCanceledException("the client went away"));
        var cancelled = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "notifications/cancelled",
            ["params"] = new JsonObject { ["requestId"] = id, ["reason"] = "the client went away" },
        };
        _ = SendQuietlyAsync(pending.Channel, cancelled);
    }

    private McpPendingRequest? Forget(long id)
    {
        if (!_pending.TryRemove(id, out var pending))
        {
            return null;
        }

        Interlocked.Decrement(ref _inFlight);
        pending.Registration.Dispose();
        return pending;
    }

    private void FailPending(IMcpChannel channel)
    {
        foreach (var (id, pending) in _pending)
        {
            if (pending.Channel == channel && Forget(id) is not null)
            {
                pending.Fail(new McpServerUnavailableException(_connection, "the server ended before it answered"));
            }
        }
    }

    private void OnMessage(JsonObject message)
    {
        var method = Text(message["method"]);
        var id = message["id"];
        if (method is null && id is not null)
        {
            if (id is JsonValue v && v.TryGetValue<long>(out var gatewayId) && Forget(gatewayId) is { } pending)
            {
                message["id"] = pending.ClientId?.DeepClone();
                pending.Complete(message);
            }
            else
            {
                Log.Unmatched(_logger, _connection);
            }
        }
        else if (method is not null && id is not null)
        {
            Log.ServerRequestRefused(_logger, _connection, method);
            var refusal = new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = id.DeepClone(),
                ["error"] = new JsonObject { ["code"] = -32601, ["message"] = "The gateway does not relay requests from a stdio or HTTP+SSE server to its clients." },
            };
            if (_channel is { } channel)
            {
                _ = SendQuietlyAsync(channel, refusal);
            }
        }
        else if (method is not null && message["params"] is JsonObject p && Text(p["progressToken"]) is { } token
            && token.StartsWith(TokenPrefix, StringComparison.Ordinal) && long.TryParse(token.AsSpan(TokenPrefix.Length), out var request)
            && _pending.TryGetValue(request, out var owner))
        {
            p["progressToken"] = owner.ClientProgressToken?.DeepClone();
            owner.Notify(message);
        }
        else if (method is not null)
        {
            Log.NotificationDropped(_logger, _connection, method);
        }
    }

    private async Task SendQuietlyAsync(IMcpChannel channel, JsonObject message)
    {
        try
        {
            await channel.SendAsync(message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or HttpRequestException)
        {
            // Best effort: a server that went away needs no cancellation or refusal; the next message restarts it.
            Log.SendFailed(_logger, _connection, ex.GetType().Name);
        }
    }

    private async Task<IMcpChannel> OpenLockedAsync(CancellationToken cancellationToken)
    {
        if (_channel is { Completion.IsCompleted: false } live)
        {
            return live;
        }

        if (_disposed)
        {
            throw new McpServerUnavailableException(_connection, "the gateway is stopping");
        }

        if (_channel is { } ended)
        {
            _failures = _time.GetElapsedTime(_startedAt) >= StableAfter ? 0 : _failures + 1;
            _channel = null;
            await ended.DisposeAsync();
            FailPending(ended);
        }

        var delay = _failures == 0 ? TimeSpan.Zero : TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, FirstBackoff.Ticks << Math.Min(_failures - 1, 16)));
        Log.Starting(_logger, _connection, delay);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken);
        }

        _initialized = false;
        IMcpChannel channel;
        try
        {
            channel = await _factory.OpenAsync(OnMessage, cancellationToken);
        }
        catch (McpServerUnavailableException)
        {
            _failures++;
            throw;
        }

        _startedAt = _time.GetTimestamp();
        _channel = channel;
        _ = channel.Completion.ContinueWith(_ => FailPending(channel), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        return channel;
    }

    private void Touch() => Interlocked.Exchange(ref _lastUsed, _time.GetTimestamp());
}
