using Gatehouse.Audit.Chain;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Appends a batch of drafts to the one global chain in one transaction and moves the head with it.</summary>
/// <remarks>
/// The head row is locked first (<c>FOR UPDATE</c>): an append from another connection or another process waits for
/// this one to commit and then reads the head it left, so sequences never collide and every entry's previous hash is
/// the entry before it. One batch is one commit (group commit: the audit writer hands over everything queued).
/// </remarks>
internal static class Appender
{
    private const string LockHeadSql = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private const string MoveHeadSql = "UPDATE audit_head SET seq = @seq, hash = @hash WHERE id = 1";

    public static async Task<IReadOnlyList<AuditEntry>> AppendAsync(
        NpgsqlConnection connection, string writerId, IReadOnlyList<AuditEntryDraft> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var entries = await AppendInAsync(connection, transaction, writerId, drafts, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return entries;
        }
    }

    /// <summary>Appends <paramref name="drafts"/> inside the caller's transaction, which commits them with its own changes.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AppendInAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string writerId,
        IReadOnlyList<AuditEntryDraft> drafts,
        CancellationToken cancellationToken)
    {
        long sequence;
        byte[] previous;
        using (var lockHead = new NpgsqlCommand(LockHeadSql, connection, transaction))
        using (var reader = await lockHead.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw new StoreUnavailableException(StoreFailure.Corrupt);
            }

            sequence = reader.GetInt64(0);
            previous = reader.GetFieldValue<byte[]>(1);
        }

        var first = sequence + 1;
        var entries = new AuditEntry[drafts.Count];
        using (var insert = EntryRows.CreateInsert(connection, transaction, writerId))
        using (var parts = PostgresPartIds.CreateWriter(connection, transaction))
        {
            for (var i = 0; i < drafts.Count; i++)
            {
                var entry = AuditChain.Seal(drafts[i], ++sequence, previous);
                EntryRows.Bind(insert, entry);
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                await parts.WriteAsync(entry, cancellationToken).ConfigureAwait(false);
                entries[i] = entry;
                previous = entry.Hash;
            }
        }

        using (var tags = new NpgsqlCommand(SearchTags.Sql, connection, transaction))
        {
            tags.Parameters.AddWithValue("first", first);
            tags.Parameters.AddWithValue("last", sequence);
            await tags.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        using (var moveHead = new NpgsqlCommand(MoveHeadSql, connection, transaction))
        {
            moveHead.Parameters.AddWithValue("seq", sequence);
            moveHead.Parameters.AddWithValue("hash", previous);
            await moveHead.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return entries;
    }
}
