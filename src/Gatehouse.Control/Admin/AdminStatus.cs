using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Gateway.Configuration;

namespace Gatehouse.Control.Admin;

/// <summary>Reads what the admin overview shows: checkpoints, export sinks with their lag, and connections with their health.</summary>
internal sealed class AdminStatus(GatehouseConfig config, IAuditCheckpointStore store, IExportCursorStore cursors)
{
    /// <summary>The exchanges per connection read to judge its health: 20.</summary>
    public const int RecentExchanges = 20;

    /// <summary>The most checkpoints listed, newest first: 20.</summary>
    public const int MaxCheckpoints = 20;

    public async Task<IReadOnlyList<Gatehouse.Audit.Checkpoints.Checkpoint>> CheckpointsAsync(CancellationToken cancellationToken)
        => [.. (await store.ReadCheckpointsAsync(cancellationToken)).Reverse().Take(MaxCheckpoints)];

    public async Task<IReadOnlyList<SinkLag>> SinksAsync(CancellationToken cancellationToken)
    {
        var head = (await store.GetHeadAsync(cancellationToken))?.Sequence ?? 0;
        var sinks = new List<SinkLag>();
        foreach (var sink in config.Export.Sinks)
        {
            var sent = await cursors.ReadAsync(sink.Name, cancellationToken);
            sinks.Add(new SinkLag(sink.Name, sink.Format.ToString().ToLowerInvariant(), sent, Math.Max(0, head - sent)));
        }

        return sinks;
    }

    public async Task<IReadOnlyList<ConnectionHealth>> ConnectionsAsync(CancellationToken cancellationToken)
    {
        var connections = new List<ConnectionHealth>();
        foreach (var connection in config.Connections)
        {
            var page = await store.SearchAsync(new ExchangeQuery { Connection = connection.Name, Limit = RecentExchanges }, cancellationToken);
            var failed = page.Items.Count(r => r.Outcome is { } o && (o.Failure is not null || o.Status >= 500));
            connections.Add(new ConnectionHealth(
                connection.Name,
                connection.Kind,
                connection.Via is { Length: > 0 } via ? $"{connection.AgentUpstream ?? connection.Upstream.ToString()} via agent {via}" : connection.Upstream.ToString(),
                page.Items.Count,
                failed,
                page.Items.Count > 0 ? page.Items[0].Intent.StartedAt : null));
        }

        return connections;
    }
}
