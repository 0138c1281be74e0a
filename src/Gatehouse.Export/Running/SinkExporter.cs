using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Store;
using Gatehouse.Export.Cursors;
using Gatehouse.Export.Formatting;
using Gatehouse.Export.Sinks;
using Gatehouse.Export.Transports;
using Gatehouse.Storage;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Export.Running;

/// <summary>One sink's export loop: read the entries after its cursor, format them, deliver them, then save the cursor.</summary>
/// <remarks>
/// <para>
/// At-least-once without gaps: the cursor is saved only after the transport accepted the whole batch, and the next
/// read starts right after the saved cursor. A crash between delivery and save sends that batch again on restart, so
/// a destination may see a sequence twice and must de-duplicate by it; it never misses one.
/// </para>
/// <para>
/// The loop runs beside the data path and only reads the log: a destination that is down costs retries with growing,
/// jittered waits and a metric, never a request's time. An idle sink looks for new entries every
/// <see cref="ExportRunOptions.PollInterval"/>.
/// </para>
/// </remarks>
public sealed class SinkExporter
{
    private readonly ExportSinkConfig _sink;
    private readonly IAuditStore _store;
    private readonly IExportCursorStore _cursors;
    private readonly IExportTransport _transport;
    private readonly ExportMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ExportRunOptions _options;
    private readonly IExportFormatter _formatter;
    private readonly ExportBackoff _backoff;
    private long _cursor;
    private long _head;

    /// <summary>Initializes the loop of <paramref name="sink"/>, delivering through <paramref name="transport"/>.</summary>
    public SinkExporter(
        ExportSinkConfig sink,
        IAuditStore store,
        IExportCursorStore cursors,
        IExportTransport transport,
        ExportMetrics metrics,
        TimeProvider time,
        ILogger logger,
        ExportRunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        _sink = sink;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _cursors = cursors ?? throw new ArgumentNullException(nameof(cursors));
        _transport = transport ?? throw new ArgumentNullException(nameof(transport));
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options ?? new ExportRunOptions();
        _formatter = ExportFormatters.Create(sink.Format, sink.IncludeBodies);
        _backoff = new ExportBackoff(_options);
        _metrics.Track(sink.Name, () => Math.Max(0, Volatile.Read(ref _head) - Volatile.Read(ref _cursor)));
    }

    /// <summary>Gets the last sequence the destination accepted and the cursor store saved.</summary>
    public long Cursor => Volatile.Read(ref _cursor);

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled (then throws <see cref="OperationCanceledException"/>).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cursor = await RetryAsync("read the cursor", () => _cursors.ReadAsync(_sink.Name, cancellationToken), cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _cursor, cursor);
        ExportLog.Starting(_logger, _sink.Name, cursor);
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entries = await RetryAsync("read the log", () => ReadAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
                if (entries.Count == 0)
                {
                    await Task.Delay(_options.PollInterval, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await ExportAsync(entries, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            ExportLog.Stopped(_logger, _sink.Name, Cursor);
        }
    }

    private async Task<IReadOnlyList<AuditEntry>> ReadAsync(CancellationToken cancellationToken)
    {
        var head = await _store.GetHeadAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _head, head?.Sequence ?? 0);
        return await _store.ReadAfterAsync(Cursor, _sink.BatchSize, cancellationToken).ConfigureAwait(false);
    }

    private async Task ExportAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        if (entries[0].Sequence != Cursor + 1)
        {
            ExportLog.Skipped(_logger, _sink.Name, Cursor + 1, entries[0].Sequence);
        }

        var events = new ExportEvent[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            events[i] = _formatter.Format(entries[i]);
        }

        await RetryAsync("deliver", async () =>
        {
            await _transport.DeliverAsync(events, cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);

        var last = entries[^1].Sequence;
        await RetryAsync("save the cursor", async () =>
        {
            await _cursors.SaveAsync(_sink.Name, last, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _cursor, last);
        _metrics.Delivered(_sink.Name, entries.Count, _time.GetElapsedTime(started));
        ExportLog.Delivered(_logger, _sink.Name, entries.Count, last);
    }

    private async Task<T> RetryAsync<T>(string stage, Func<Task<T>> attempt, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var result = await attempt().ConfigureAwait(false);
                if (_backoff.Failures > 0)
                {
                    ExportLog.Recovered(_logger, _sink.Name, _backoff.Failures);
                    _backoff.Reset();
                }

                return result;
            }
            catch (Exception error) when (error is ExportDeliveryException or StoreUnavailableException && !cancellationToken.IsCancellationRequested)
            {
                var delay = _backoff.Next();
                _metrics.Failed(_sink.Name, stage);
                ExportLog.Failed(_logger, _sink.Name, stage, _backoff.Failures, delay, error.Message);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
