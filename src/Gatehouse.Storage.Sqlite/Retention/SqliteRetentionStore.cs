using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Relational.Retention;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>Retention and legal holds over the embedded store; the audit log itself is <paramref name="store"/>'s.</summary>
/// <remarks>Every write goes through the store's one serialised write connection, one short transaction each.</remarks>
public sealed class SqliteRetentionStore(SqliteStore store) : IAuditRetentionStore
{
    private readonly SqliteStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly SqliteRelationalDatabase _database = new(store.Database);

    /// <inheritdoc />
    public Task PlaceHoldAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return HoldRows.PlaceAsync(_database, hold, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LegalHold?> ReleaseHoldAsync(string id, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        HoldRows.ReleaseAsync(_database, id, releasedBy, at, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LegalHold>> ListHoldsAsync(bool includeReleased, CancellationToken cancellationToken) =>
        HoldRows.ListAsync(_database, includeReleased, cancellationToken);

    /// <inheritdoc />
    public Task<RetentionCandidates> FindCandidatesAsync(RetentionWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        return RetentionRows.FindAsync(_database, window, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> RemoveBodiesAsync(IReadOnlyList<string> exchangeIds, CancellationToken cancellationToken) =>
        RetentionRows.RemoveBodiesAsync(_database, SqliteRetentionPurge.Instance, exchangeIds, cancellationToken);

    /// <inheritdoc />
    public Task<long> TombstoneAsync(IReadOnlyList<string> exchangeIds, long coveredThrough, CancellationToken cancellationToken) =>
        RetentionRows.TombstoneAsync(_database, SqliteRetentionPurge.Instance, exchangeIds, coveredThrough, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken) =>
        _store.AppendAsync(drafts, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<AuditEntry> ReadAllAsync(CancellationToken cancellationToken) => _store.ReadAllAsync(cancellationToken);

    /// <inheritdoc />
    public Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken) => _store.GetHeadAsync(cancellationToken);

    /// <inheritdoc />
    public Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken) => _store.SearchAsync(query, cancellationToken);

    /// <inheritdoc />
    public Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken) =>
        _store.GetExchangeAsync(exchangeId, cancellationToken);

    /// <inheritdoc />
    public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken) => _store.ProbeWritableAsync(cancellationToken);

    /// <inheritdoc />
    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _store.RecoverInterruptedAsync(now, cancellationToken);

    /// <inheritdoc />
    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken) =>
        _store.AppendCheckpointAsync(checkpoint, cancellationToken);

    /// <inheritdoc />
    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CheckpointFence fence, CancellationToken cancellationToken) =>
        _store.AppendCheckpointAsync(checkpoint, fence, cancellationToken);

    /// <inheritdoc />
    public Task<Checkpoint?> ReadLastCheckpointAsync(CancellationToken cancellationToken) =>
        _store.ReadLastCheckpointAsync(cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Checkpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken) =>
        _store.ReadCheckpointsAsync(cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<EntryHash> ReadEntryHashesAsync(long afterSequence, long throughSequence, CancellationToken cancellationToken) =>
        _store.ReadEntryHashesAsync(afterSequence, throughSequence, cancellationToken);
}
