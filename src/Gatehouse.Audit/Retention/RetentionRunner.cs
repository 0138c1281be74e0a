using Gatehouse.Audit.Checkpoints;

namespace Gatehouse.Audit.Retention;

/// <summary>Applies a <see cref="RetentionPlan"/>: removes expired bodies, tombstones expired records, and audits the run.</summary>
/// <remarks>
/// <para>
/// Per connection, records first and then bodies, each in windows of at most <see cref="RetentionPlan.BatchSize"/>
/// exchanges: a window is read without the write lock, then changed in one short transaction that re-checks the legal
/// holds, so appends never wait for more than one batch.
/// </para>
/// <para>
/// Before any tombstone, a checkpoint this run signed must cover every entry of the batch; it signs one when the last
/// does not reach far enough. Without a <see cref="CheckpointWriter"/> a plan that removes records is refused. One run
/// at a time per instance.
/// </para>
/// </remarks>
public sealed class RetentionRunner(IAuditRetentionStore store, CheckpointWriter? checkpoints, TimeProvider timeProvider)
{
    private readonly IAuditRetentionStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Checkpoint? _bridge;
    private CheckpointFence? _fence;

    /// <summary>Runs <paramref name="plan"/>; a <paramref name="dryRun"/> only counts and writes nothing.</summary>
    /// <exception cref="InvalidOperationException">The plan removes records but no checkpoint key is configured.</exception>
    public Task<RetentionReport> RunAsync(RetentionPlan plan, bool dryRun, CancellationToken cancellationToken) =>
        RunAsync(plan, dryRun, null, cancellationToken);

    /// <summary>
    /// The same, signing the checkpoints that bridge tombstones under <paramref name="fence"/> (when given): a replica
    /// that runs retention under a lease stores no checkpoint once another replica took it over.
    /// </summary>
    /// <exception cref="CheckpointFencedException">The lease passed to another holding before a bridge was stored.</exception>
    /// <exception cref="InvalidOperationException">The plan removes records but no checkpoint key is configured.</exception>
    public async Task<RetentionReport> RunAsync(RetentionPlan plan, bool dryRun, CheckpointFence? fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.RemovesRecords && checkpoints is null)
        {
            throw new InvalidOperationException("Record retention needs signed checkpoints (audit.checkpoints).");
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _bridge = null;
            _fence = fence;
            var now = _time.GetUtcNow();
            var holds = await _store.ListHoldsAsync(includeReleased: false, cancellationToken).ConfigureAwait(false);
            var connections = new List<ConnectionRetentionReport>(plan.Connections.Count);
            foreach (var connection in plan.Connections)
            {
                connections.Add(await SweepConnectionAsync(connection, now, plan.BatchSize, dryRun, cancellationToken).ConfigureAwait(false));
            }

            var refusals = plan.Refusals is { } keepRefusals
                ? (await SweepAsync(new RetentionWindow(RetentionPhase.Refusals, "", now - keepRefusals, 0, plan.BatchSize), dryRun, cancellationToken).ConfigureAwait(false)).Removed
                : 0;
            var bridge = _bridge is { } b ? new CheckpointReference(b.TreeSize, Convert.ToBase64String(b.RootHash), b.KeyId) : null;
            var report = new RetentionReport(now, dryRun, connections, bridge, [.. holds.Select(h => h.Id)]) { RefusalsTombstoned = refusals };
            if (dryRun)
            {
                return report;
            }

            var entries = await _store.AppendAsync([RetentionEntries.Run(report)], cancellationToken).ConfigureAwait(false);
            return report with { Sequence = entries[0].Sequence };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ConnectionRetentionReport> SweepConnectionAsync(
        ConnectionRetention connection, DateTimeOffset now, int batchSize, bool dryRun, CancellationToken cancellationToken)
    {
        DateTimeOffset? recordsBefore = connection.Records is { } keepRecords ? now - keepRecords : null;
        DateTimeOffset? bodiesBefore = connection.Bodies is { } keepBodies ? now - keepBodies : null;
        var records = recordsBefore is { } r
            ? new RetentionWindow(RetentionPhase.Records, connection.Connection, r, 0, batchSize)
            : null;

        // A dry run leaves the records in place, so its body pass must not count bodies the record pass already did.
        var bodies = bodiesBefore is { } b
            ? new RetentionWindow(RetentionPhase.Bodies, connection.Connection, b, 0, batchSize) { NotBefore = dryRun ? recordsBefore : null }
            : null;
        var (tombstoned, heldRecords) = records is null ? (0, 0) : await SweepAsync(records, dryRun, cancellationToken).ConfigureAwait(false);
        var (removed, heldBodies) = bodies is null ? (0, 0) : await SweepAsync(bodies, dryRun, cancellationToken).ConfigureAwait(false);

        // The body window reaches at least as far back as the record window, so its held exchanges include those.
        return new ConnectionRetentionReport(
            connection.Connection, bodiesBefore, recordsBefore, removed, tombstoned, Math.Max(heldRecords, heldBodies));
    }

    private async Task<(long Removed, int Held)> SweepAsync(RetentionWindow window, bool dryRun, CancellationToken cancellationToken)
    {
        long removed = 0;
        var held = 0;
        var phase = window.Phase;
        while (true)
        {
            var found = await _store.FindCandidatesAsync(window, cancellationToken).ConfigureAwait(false);
            held += found.Held;
            if (found.ExchangeIds.Count > 0)
            {
                removed += dryRun
                    ? (phase == RetentionPhase.Bodies ? found.Bodies : found.Entries)
                    : await RemoveAsync(phase, found, cancellationToken).ConfigureAwait(false);
            }

            if (found.Scanned < window.Limit)
            {
                return (removed, held);
            }

            window = window with { AfterSequence = found.LastSequence };
        }
    }

    private async Task<long> RemoveAsync(RetentionPhase phase, RetentionCandidates found, CancellationToken cancellationToken)
    {
        if (phase == RetentionPhase.Bodies)
        {
            return await _store.RemoveBodiesAsync(found.ExchangeIds, cancellationToken).ConfigureAwait(false);
        }

        if ((_bridge?.TreeSize ?? 0) < found.LastEntrySequence)
        {
            _bridge = await checkpoints!.WriteAsync(_fence, cancellationToken).ConfigureAwait(false);
        }

        return await _store.TombstoneAsync(found.ExchangeIds, _bridge!.TreeSize, cancellationToken).ConfigureAwait(false);
    }
}
