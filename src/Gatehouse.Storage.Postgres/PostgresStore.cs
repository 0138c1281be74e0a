using System.Runtime.CompilerServices;
using Gatehouse.Audit.Chain;
using Gatehouse.Audit.Checkpoints;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Retention;
using Gatehouse.Audit.Store;
using Gatehouse.Storage.Integrity;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Postgres.Audit;
using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Postgres.Integrity;
using Gatehouse.Storage.Postgres.Retention;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Relational.Keys;
using Gatehouse.Storage.Relational.Retention;
using Npgsql;

namespace Gatehouse.Storage.Postgres;

/// <summary>
/// The PostgreSQL store: the audit log (entries, parts, head, checkpoints), its retention and legal holds, and the API
/// keys, in one database shared by writers; it checks the rows sealed into the log (<see cref="IRowSealVerifier"/>).
/// </summary>
/// <remarks>
/// Every call takes a pooled connection; an append locks the head row, so several stores (in one process or several)
/// append to one chain. An append returns once its batch is durable: it commits asynchronously under the head lock and
/// then flushes the WAL outside it (see <c>Audit/Appender.cs</c>).
/// Failures surface as <see cref="StoreUnavailableException"/> with a message that names neither content nor the
/// connection string.
/// </remarks>
public sealed class PostgresStore : IAuditRetentionStore, IExchangeEntryReader, IApiKeyStore, IRowSealVerifier, IAsyncDisposable
{
    private readonly PostgresDatabase _database;
    private readonly PostgresRelationalDatabase _relational;

    private PostgresStore(PostgresDatabase database)
    {
        _database = database;
        _relational = new PostgresRelationalDatabase(database);
    }

    /// <summary>Gets the database, for the provider's other stores that share it.</summary>
    internal PostgresDatabase Database => _database;

    /// <summary>Gets the writer id this store puts on every entry it appends.</summary>
    public string WriterId => _database.WriterId;

    /// <summary>Connects to the database and creates or upgrades its schema (unless disabled).</summary>
    /// <exception cref="StoreUnavailableException">The database cannot be reached, migrated, or is newer than this release.</exception>
    public static async Task<PostgresStore> OpenAsync(PostgresStoreOptions options, CancellationToken cancellationToken) =>
        new(await PostgresDatabase.OpenAsync(options, cancellationToken).ConfigureAwait(false));

    /// <summary>Prepares the store without connecting; its schema is checked or migrated through <see cref="Schema.IStoreSchema"/>.</summary>
    /// <exception cref="StoreUnavailableException">The connection string is not valid.</exception>
    internal static PostgresStore Create(PostgresStoreOptions options) => new(PostgresDatabase.Create(options));

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> AppendAsync(IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        return _database.RunAsync((c, ct) => Appender.AppendAsync(c, _database.WriterId, drafts, ct), cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<AuditEntry> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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
        return _database.RunAsync(
            async (c, ct) =>
            {
                // Exports read past any head; flushing after the read makes every entry returned durable (see Appender).
                var entries = await EntryStream.ReadAfterAsync(c, null, afterSequence, max, ct).ConfigureAwait(false);
                await WalFlush.FlushAsync(c, ct).ConfigureAwait(false);
                return entries;
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<AuditHead?> GetHeadAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(EntryStream.ReadHeadAsync, cancellationToken);

    /// <inheritdoc />
    public Task<ExchangePage> SearchAsync(ExchangeQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return _database.RunAsync((c, ct) => ExchangeSearch.SearchAsync(c, query, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<ExchangeRecord?> GetExchangeAsync(string exchangeId, CancellationToken cancellationToken) =>
        _database.RunAsync((c, ct) => ExchangeRows.GetAsync(c, exchangeId, PartSelect.Create, ct), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<AuditEntry>> ReadExchangeEntriesAsync(string exchangeId, CancellationToken cancellationToken) =>
        _database.RunAsync((c, ct) => ExchangeRows.ReadEntriesAsync(c, exchangeId, PartSelect.Create, ct), cancellationToken);

    /// <inheritdoc />
    public async Task<bool> ProbeWritableAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _database.RunAsync(ProbeAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // Unreachable, read-only or full: all mean "not ready", which is the answer the probe exists to give.
            return false;
        }
    }

    /// <inheritdoc />
    public Task<int> RecoverInterruptedAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _database.RunAsync((c, ct) => InterruptedRecovery.RecoverAsync(c, _database.WriterId, now, ct), cancellationToken);

    /// <inheritdoc />
    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return _database.RunAsync((c, ct) => CheckpointAppend.AppendAsync(c, checkpoint, null, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<bool> AppendCheckpointAsync(Checkpoint checkpoint, CheckpointFence fence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(fence);
        return _database.RunAsync((c, ct) => CheckpointAppend.AppendAsync(c, checkpoint, fence, ct), cancellationToken);
    }

    /// <inheritdoc />
    public Task<Checkpoint?> ReadLastCheckpointAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(CheckpointTable.ReadLastAsync, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Checkpoint>> ReadCheckpointsAsync(CancellationToken cancellationToken) =>
        _database.RunAsync(CheckpointTable.ReadAllAsync, cancellationToken);

    /// <inheritdoc />
    public async IAsyncEnumerable<EntryHash> ReadEntryHashesAsync(
        long afterSequence, long throughSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await _database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
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
        _database.RunAsync(PostgresSealedRows.VerifyAsync, cancellationToken);

    /// <inheritdoc />
    public Task PlaceHoldAsync(LegalHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        return HoldRows.PlaceAsync(_relational, hold, cancellationToken);
    }

    /// <inheritdoc />
    public Task<LegalHold?> ReleaseHoldAsync(string id, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        HoldRows.ReleaseAsync(_relational, id, releasedBy, at, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LegalHold>> ListHoldsAsync(bool includeReleased, CancellationToken cancellationToken) =>
        HoldRows.ListAsync(_relational, includeReleased, cancellationToken);

    /// <inheritdoc />
    public Task<RetentionCandidates> FindCandidatesAsync(RetentionWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        return RetentionRows.FindAsync(_relational, window, cancellationToken);
    }

    /// <inheritdoc />
    public Task<long> RemoveBodiesAsync(IReadOnlyList<string> exchangeIds, CancellationToken cancellationToken) =>
        RetentionRows.RemoveBodiesAsync(_relational, PostgresRetentionPurge.Instance, exchangeIds, cancellationToken);

    /// <inheritdoc />
    public Task<long> TombstoneAsync(IReadOnlyList<string> exchangeIds, long coveredThrough, CancellationToken cancellationToken) =>
        RetentionRows.TombstoneAsync(_relational, PostgresRetentionPurge.Instance, exchangeIds, coveredThrough, cancellationToken);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private static async Task<bool> ProbeAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand("INSERT INTO write_probe (id) VALUES (1)", connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    private static async ValueTask<bool> NextAsync<T>(IAsyncEnumerator<T> items)
    {
        try
        {
            return await items.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception error) when (PostgresFailures.IsStoreError(error))
        {
            throw PostgresFailures.ToUnavailable(error);
        }
    }
}
