using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Relational.Keys;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Sqlite.Database;
using Gatehouse.Storage.Sqlite.Integrity;

namespace Gatehouse.Storage.Sqlite;

/// <summary>The embedded store: the audit log and the API keys in one SQLite file.</summary>
/// <remarks>
/// Writes go through one connection, serialised; reads use pooled connections and run beside it (WAL). A commit is on
/// disk when it returns (synchronous=FULL), or with <see cref="StoreDurability.Process"/> in the log and synced within
/// <see cref="SqliteStoreOptions.SyncInterval"/>. Failures surface as <see cref="StoreUnavailableException"/>.
/// Bodies are stored as content-addressed parts; a background follower indexes new parts for full-text search and tags
/// new entries for the search filters after each append, off the append's transaction.
/// </remarks>
public sealed class SqliteStore : IAuditCheckpointStore, IExchangeEntryReader, IApiKeyStore, IRowSealVerifier, IAsyncDisposable
{
    private readonly SqliteDatabase _database;
    private readonly SqliteRelationalDatabase _relational;
    private readonly PartIndexFollower _indexer;
    private int _disposed;

    private SqliteStore(SqliteDatabase database, TimeProvider time)
    {
        _database = database;
        _relational = new SqliteRelationalDatabase(database);
        _indexer = new PartIndexFollower(database, time);
    }

    internal SqliteDatabase Database => _database;

    /// <summary>Sets where the store reports what it does in the background (a failed log sync), once the host's logging is built.</summary>
    internal void UseLoggerFactory(Microsoft.Extensions.Logging.ILoggerFactory loggers) =>
        _database.UseLogger(Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<SqliteStore>(loggers));

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    /// <exception cref="StoreUnavailableException">The file cannot be opened, created or migrated.</exception>
    public static SqliteStore Open(string path) => Open(new SqliteStoreOptions { Path = path });

    /// <summary>Opens (creating when missing) the database described by <paramref name="options"/>.</summary>
    /// <exception cref="StoreUnavailableException">The file cannot be opened, created or migrated.</exception>
    public static SqliteStore Open(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(SqliteDatabase.Open(options), options.TimeProvider);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var entries = await _database.WriteAsync((c, ct) => AuditAppender.AppendAsync(c, drafts, ct), cancellationToken).ConfigureAwait(false);
        _indexer.Notify();
        return entries;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> ReadAllAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var entries = EntryStream.ReadAllAsync(connection, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (entries.ConfigureAwait(false))
            {
                while (await NextAsync(entries).ConfigureAwait(false))
                {
                    yield return entries.Current;
                }
            }
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadAfterAsync(long afterSequence, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return _database.ReadAsync((c, ct) => EntryStream.ReadAfterAsync(c, afterSequence, max, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync((c, ct) => EntryStream.ReadHeadAsync(c, null, ct), cancellationToken);

    /// <inheritdoc />
    public async Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (ReadsIndexes(query))
        {
            await CatchUpIndexesAsync(cancellationToken).ConfigureAwait(false);
        }

        return await _database.ReadAsync((c, ct) => ExchangeSearch.SearchAsync(c, query, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Indexes every stored part not indexed yet and tags every entry not tagged yet, now.</summary>
    internal Task IndexTextAsync(CancellationToken cancellationToken) => _indexer.CatchUpAsync(cancellationToken);

    /// <summary>Returns the id of the last stored part the full-text index covers (for measuring its freshness).</summary>
    internal Task<long> IndexedPartsThroughAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(PartIndexer.PositionAsync, cancellationToken);

    /// <summary>Returns the sequence of the last entry the search tags cover.</summary>
    internal Task<long> TaggedThroughAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(TagIndexer.PositionAsync, cancellationToken);

    /// <inheritdoc />
    public Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken) =>
        _database.ReadAsync((c, ct) => ExchangeRows.GetAsync(c, exchangeId, PartSelect.Create, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadExchangeEntriesAsync(string exchangeId, CancellationToken cancellationToken) =>
        _database.ReadAsync((c, ct) => ExchangeRows.ReadEntriesAsync(c, exchangeId, PartSelect.Create, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> ProbeWritableAsync(CancellationToken cancellationToken) =>
        _database.WriteAsync(WriteProbe.ProbeAsync, cancellationToken);

    /// <inheritdoc />
    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.WriteAsync((c, ct) => InterruptedRecovery.RecoverAsync(c, now, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return _database.WriteAsync((c, ct) => CheckpointTable.AppendAsync(c, null, checkpoint, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CheckpointFence fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(fence);
        return _database.WriteAsync((c, ct) => CheckpointTable.AppendFencedAsync(c, null, checkpoint, fence, "", ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Checkpoint?> ReadLastCheckpointAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(CheckpointTable.ReadLastAsync, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Checkpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(CheckpointTable.ReadAllAsync, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<EntryHash> ReadEntryHashesAsync(
        long afterSequence,
        long throughSequence,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await _database.OpenReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var hashes = CheckpointTable.ReadEntryHashesAsync(connection, afterSequence, throughSequence, cancellationToken)
                .GetAsyncEnumerator(cancellationToken);
            await using (hashes.ConfigureAwait(false))
            {
                while (await NextAsync(hashes).ConfigureAwait(false))
                {
                    yield return hashes.Current;
                }
            }
        }
    }

    /// <summary>Stores a new key; its audit entry names no author.</summary>
    public Task<bool> CreateAsync(ApiKeyRecord key, CancellationToken cancellationToken) => CreateAsync(key, null, cancellationToken);

    /// <summary>Revokes a key; its audit entry names no author.</summary>
    public Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, CancellationToken cancellationToken) =>
        RevokeAsync(idOrName, revokedAt, null, cancellationToken);

    /// <inheritdoc />
    public Task<bool> CreateAsync(ApiKeyRecord key, string? by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ApiKeyTable.Instance.CreateAsync(_relational, key, by, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ApiKeyRecord?> FindAsync(string id, CancellationToken cancellationToken) =>
        ApiKeyTable.Instance.FindAsync(_relational, id, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) =>
        ApiKeyTable.Instance.ListAsync(_relational, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> RevokeAsync(string idOrName, DateTimeOffset revokedAt, string? by, CancellationToken cancellationToken) =>
        await ApiKeyTable.Instance.RevokeAsync(_relational, idOrName, revokedAt, by, cancellationToken).ConfigureAwait(false) > 0;

    /// <inheritdoc />
    public Task<RowSealReport> VerifyRowSealsAsync(CancellationToken cancellationToken) =>
        _database.ReadAsync(SqliteSealedRows.VerifyAsync, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Idempotent: the container disposes the store once for each interface it was resolved as.</remarks>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _indexer.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
    }

    // Text and the tag filters (requester, group, rule, decision, finding, status) read what the follower writes; the
    // entry columns (user, connection, model, time) are written by the append itself.
    private static bool ReadsIndexes(ExchangeQuery query) =>
        query.Text is not null || query.Requester is not null || query.Group is not null || query.Rule is not null
        || query.Decision is not null || query.FindingCategory is not null || query.Status is not null;

    // The background follower is normally done long before anyone searches; when it is not (a burst, a restart), the
    // search indexes the rest itself so it never misses an acknowledged exchange. A store that cannot be written now
    // still answers, from the indexes as they stand.
    private async Task CatchUpIndexesAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _indexer.CatchUpAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
        }
    }

    private static async ValueTask<bool> NextAsync<T>(IAsyncEnumerator<T> entries)
    {
        try
        {
            return await entries.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Microsoft.Data.Sqlite.SqliteException error)
        {
            throw SqliteFailures.ToUnavailable(error);
        }
    }
}
