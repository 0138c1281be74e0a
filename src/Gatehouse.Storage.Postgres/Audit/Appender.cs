using Gatehouse.Audit.Chain;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Appends a batch of drafts to the one global chain in one transaction and moves the head with it.</summary>
/// <remarks>
/// <para>
/// The head row is locked first (<c>FOR UPDATE</c>): an append from another connection or another process waits for
/// this one to commit and then reads the head it left, so sequences never collide and every entry's previous hash is
/// the entry before it. One batch is one commit (group commit: the audit writer hands over everything queued).
/// </para>
/// <para>
/// Replicas queue on that lock, so it is held for as few round trips as the chain allows: what needs no head (the
/// distinct parts and their bodies) is prepared before the lock; once the head is read, the sequences and chain hashes
/// are computed in memory and everything is written in one <see cref="NpgsqlBatch"/> (parts, entries, references,
/// search tags, the head), each table in one set-based statement. The lock is held for the head's read, that one round
/// trip and the commit, whatever the size of the batch.
/// </para>
/// <para>
/// The commit is asynchronous (<c>SET LOCAL synchronous_commit = off</c>): it releases the lock once its commit record
/// is in WAL, without waiting for the fsync, and <see cref="WalFlush"/> then waits for the flush outside the lock. An
/// append returns only after that, so nothing is acknowledged that a server crash could lose; a failure between the
/// two fails the append (the batch may survive, unacknowledged, as an ambiguous commit would). A crash loses only a
/// suffix of WAL, and a batch that read this head is later in WAL, so no surviving entry chains to a lost one.
/// Appends inside a caller's transaction (<see cref="AppendInAsync(NpgsqlConnection, NpgsqlTransaction, string, IReadOnlyList{AuditEntryDraft}, CancellationToken)"/>)
/// keep a synchronous commit.
/// </para>
/// </remarks>
internal static class Appender
{
    private const string LockHeadSql = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private const string MoveHeadSql = "UPDATE audit_head SET seq = @seq, hash = @hash WHERE id = 1";
    private const string AsyncCommitSql = "SET LOCAL synchronous_commit = off";

    public static async Task<IReadOnlyList<AuditEntry>> AppendAsync(
        NpgsqlConnection connection, string writerId, IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        IReadOnlyList<AuditEntry> entries;
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            entries = await AppendInAsync(connection, transaction, writerId, drafts, asyncCommit: true, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        // The head lock is released; now wait, outside it, for the batch's commit record to reach disk. A failure here
        // fails the append: the batch is committed but not known durable, so no caller is told it is.
        await WalFlush.FlushAsync(connection, cancellationToken).ConfigureAwait(false);
        return entries;
    }

    /// <summary>Appends <paramref name="drafts"/> inside the caller's transaction, which commits them with its own changes.</summary>
    public static Task<IReadOnlyList<AuditEntry>> AppendInAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string writerId,
        IReadOnlyList<AuditEntryDraft> drafts,
        CancellationToken cancellationToken) =>
        AppendInAsync(connection, transaction, writerId, drafts, asyncCommit: false, cancellationToken);

    private static async Task<IReadOnlyList<AuditEntry>> AppendInAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string writerId,
        IReadOnlyList<AuditEntryDraft> drafts,
        bool asyncCommit,
        CancellationToken cancellationToken)
    {
        var parts = PartInserts.InsertParts(drafts);
        var (sequence, previous) = await LockHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);

        var first = sequence + 1;
        var entries = new AuditEntry[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            entries[i] = AuditChain.Seal(drafts[i], ++sequence, previous);
            previous = entries[i].Hash;
        }

        using var batch = new NpgsqlBatch(connection, transaction);
        if (parts is not null)
        {
            batch.BatchCommands.Add(parts);
        }

        batch.BatchCommands.Add(EntryRows.Insert(entries, writerId));
        var references = PartInserts.InsertReferences(entries, out var referenceCount);
        if (references is not null)
        {
            batch.BatchCommands.Add(references);
        }

        var tags = new NpgsqlBatchCommand(SearchTags.Sql);
        tags.Parameters.AddWithValue("first", first);
        tags.Parameters.AddWithValue("last", sequence);
        batch.BatchCommands.Add(tags);
        var moveHead = new NpgsqlBatchCommand(MoveHeadSql);
        moveHead.Parameters.AddWithValue("seq", sequence);
        moveHead.Parameters.AddWithValue("hash", previous);
        batch.BatchCommands.Add(moveHead);
        if (asyncCommit)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(AsyncCommitSql));
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        // Every part was inserted or found by the batch's first statement, under the head lock that retention's purge
        // also takes; a reference that found no part means the store changed under the lock.
        if (references is not null && references.RecordsAffected != referenceCount)
        {
            throw new StoreUnavailableException(StoreFailure.Corrupt);
        }

        return entries;
    }

    private static async Task<(long Sequence, byte[] Hash)> LockHeadAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        using var lockHead = new NpgsqlCommand(LockHeadSql, connection, transaction);
        using var reader = await lockHead.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new StoreUnavailableException(StoreFailure.Corrupt);
        }

        return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }
}
