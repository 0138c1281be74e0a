using System.Collections.Concurrent;
using Gatehouse.Gateway.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Gateway.Mcp.Bridge;

/// <summary>
/// The live bridge sessions of the gateway's stdio and HTTP+SSE connections: one per connection, or one per caller
/// on a stdio connection with <c>scope: caller</c> (at most <c>maxProcesses</c>, stopped after <c>idleTimeout</c>).
/// Every session is stopped when the gateway stops.
/// </summary>
internal sealed class McpBridges : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<McpBridgeSession>> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _admit = new();
    private ITimer? _sweep;

    public McpBridges(TimeProvider time, ILogger<McpBridges> logger)
    {
        _time = time;
        _logger = logger;
    }

    /// <summary>Gets how many sessions are live, for tests and metrics.</summary>
    public int Count => _sessions.Count;

    /// <summary>Returns the session of <paramref name="connection"/> for <paramref name="caller"/> (ignored unless the scope is per caller).</summary>
    public McpBridgeSession Get(ConnectionConfig connection, string? caller, Func<IMcpChannelFactory> factory)
    {
        var perCaller = connection.Stdio?.Scope == McpStdioScope.Caller;
        var key = perCaller ? $"{connection.Name}\n{caller}" : connection.Name;
        if (_sessions.TryGetValue(key, out var existing))
        {
            return existing.Value;
        }

        lock (_admit)
        {
            if (perCaller)
            {
                MakeRoom(connection);
            }

            return _sessions.GetOrAdd(key, _ => new Lazy<McpBridgeSession>(() => new McpBridgeSession(connection.Name, factory(), _time, _logger, perCaller ? connection.Stdio!.IdleTimeout : null))).Value;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _sweep = _time.CreateTimer(_ => _ = SweepAsync(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_sweep is not null)
        {
            await _sweep.DisposeAsync();
        }

        var all = _sessions.Values.Where(s => s.IsValueCreated).Select(s => s.Value).ToList();
        _sessions.Clear();
        await Task.WhenAll(all.Select(s => s.DisposeAsync().AsTask()));
    }

    /// <summary>Stops the per-caller sessions idle longer than their connection's <c>idleTimeout</c>.</summary>
    internal async Task SweepAsync()
    {
        foreach (var (key, lazy) in _sessions)
        {
            if (lazy.IsValueCreated && lazy.Value.IdleTimeout is { } timeout && lazy.Value.InFlight == 0 && lazy.Value.Idle >= timeout
                && _sessions.TryRemove(new KeyValuePair<string, Lazy<McpBridgeSession>>(key, lazy)))
            {
                Log.Evicted(_logger, key[..key.IndexOf('\n', StringComparison.Ordinal)], lazy.Value.Idle);
                await lazy.Value.DisposeAsync();
            }
        }
    }

    private void MakeRoom(ConnectionConfig connection)
    {
        var prefix = connection.Name + "\n";
        var mine = _sessions.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal) && s.Value.IsValueCreated).ToList();
        if (mine.Count < connection.Stdio!.MaxProcesses)
        {
            return;
        }

        // The least recently used idle process makes room; when every one is busy the caller is refused, not queued.
        var idlest = mine.Where(s => s.Value.Value.InFlight == 0).MaxBy(s => s.Value.Value.Idle);
        if (idlest.Value is null || !_sessions.TryRemove(idlest))
        {
            throw new McpServerUnavailableException(connection.Name, $"all {connection.Stdio.MaxProcesses} of its per-caller processes are busy");
        }

        Log.Evicted(_logger, connection.Name, idlest.Value.Value.Idle);
        _ = idlest.Value.Value.DisposeAsync().AsTask();
    }
}
