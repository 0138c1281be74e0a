using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Payloads;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Storage;
using Microsoft.Extensions.Logging;

namespace Gatehouse.Audit.Writing;

/// <summary>
/// Writes audit entries through a bounded queue and one writer loop that commits them in batches (group commit).
/// </summary>
/// <remarks>
/// <para>
/// Callers encode their entry on their own thread, queue it and await its own completion. The single loop takes
/// everything queued (up to <see cref="AuditWriterOptions.MaxBatchSize"/>) and appends it in one store transaction, so
/// one fsync serves every request that arrived while the previous batch was committing.
/// </para>
/// <para>
/// A failed batch fails exactly its callers, with a reason that names no content; the next batch is tried afresh.
/// <see cref="StopAsync"/> stops accepting appends and drains what is queued.
/// </para>
/// </remarks>
public sealed class AuditWriter : IAuditTrail, IAsyncDisposable
{
    private readonly IAuditStore _store;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _maxBatchSize;
    private readonly Channel<PendingAppend> _queue;
    private readonly AuditWriterMetrics _metrics;
    private readonly Task _loop;

    /// <summary>Initializes a new writer and starts its loop.</summary>
    public AuditWriter(
        IAuditStore store,
        AuditWriterOptions options,
        TimeProvider timeProvider,
        IMeterFactory meterFactory,
        ILogger<AuditWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        _store = store;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxBatchSize = options.MaxBatchSize;
        _queue = Channel.CreateBounded<PendingAppend>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _metrics = new AuditWriterMetrics(meterFactory, () => _queue.Reader.Count);
        _loop = Task.Run(RunAsync);
    }

    /// <inheritdoc />
    public ValueTask<AuditWriteResult> RecordIntentAsync(ExchangeIntent intent, CancellationToken cancellationToken) =>
        AppendAsync(AuditEntryCodec.ForIntent(intent, _timeProvider.GetUtcNow()), cancellationToken);

    /// <inheritdoc />
    public ValueTask<AuditWriteResult> RecordOutcomeAsync(ExchangeOutcome outcome, CancellationToken cancellationToken) =>
        AppendAsync(AuditEntryCodec.ForOutcome(outcome, _timeProvider.GetUtcNow()), cancellationToken);

    /// <summary>
    /// Queues any entry and completes when it is durable. <paramref name="cancellationToken"/> is honoured only while
    /// waiting for queue space: once queued, the entry is committed or failed with its batch.
    /// </summary>
    public async ValueTask<AuditWriteResult> AppendAsync(AuditEntryDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var pending = new PendingAppend(draft);
        try
        {
            await _queue.Writer.WriteAsync(pending, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            AuditWriterLog.AppendAfterStop(_logger);
            return AuditWriteResult.Failed("the audit writer is stopped");
        }

        return await pending.Completion.Task.ConfigureAwait(false);
    }

    /// <summary>Stops accepting appends and completes once every queued entry is committed or failed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_queue.Writer.TryComplete())
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
            AuditWriterLog.Stopped(_logger);
            return;
        }

        await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task RunAsync()
    {
        var batch = new List<PendingAppend>(_maxBatchSize);
        var drafts = new List<AuditEntryDraft>(_maxBatchSize);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                drafts.Add(pending.Draft);
            }

            await CommitAsync(batch, drafts).ConfigureAwait(false);
            batch.Clear();
            drafts.Clear();
        }
    }

    private async Task CommitAsync(List<PendingAppend> batch, List<AuditEntryDraft> drafts)
    {
        var started = _timeProvider.GetTimestamp();
        IReadOnlyList<AuditEntry> committed;
        try
        {
            committed = await _store.AppendAsync(drafts, CancellationToken.None).ConfigureAwait(false);
            if (committed.Count != batch.Count)
            {
                throw new InvalidOperationException("The audit store committed a different number of entries than it was given.");
            }
        }
#pragma warning disable CA1031 // Any store failure must fail this batch's callers, never the loop that serves the rest.
        catch (Exception error)
#pragma warning restore CA1031
        {
            _metrics.BatchWritten(batch.Count, _timeProvider.GetElapsedTime(started), succeeded: false);
            AuditWriterLog.BatchFailed(_logger, batch.Count, error);
            var reason = error is StoreUnavailableException unavailable
                ? StoreUnavailableException.Describe(unavailable.Failure)
                : "the audit store failed to write";
            foreach (var pending in batch)
            {
                pending.Completion.TrySetResult(AuditWriteResult.Failed(reason));
            }

            return;
        }

        _metrics.BatchWritten(batch.Count, _timeProvider.GetElapsedTime(started), succeeded: true);
        AuditWriterLog.BatchCommitted(_logger, batch.Count, committed[^1].Sequence);
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(AuditWriteResult.Committed(committed[i].Sequence));
        }
    }
}
