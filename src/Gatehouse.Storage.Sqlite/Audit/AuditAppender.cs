using Gatehouse.Audit.Chain;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Appends a batch of drafts to the chain in one transaction and moves the head with it.</summary>
/// <remarks>
/// A body given as parts is written as references to content-addressed parts (<see cref="PartWriter"/>); its text is
/// indexed later, off the append, by <see cref="PartIndexer"/>. Only the filter tags are written here.
/// </remarks>
internal static class AuditAppender
{
    private const string MoveHeadSql = """
        INSERT INTO audit_head (id, seq, hash) VALUES (1, @seq, @hash)
        ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash
        """;

    /// <summary>Appends <paramref name="drafts"/>; the caller holds the write lock.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AppendAsync(
        SqliteConnection connection,
        IReadOnlyList<AuditEntryDraft> drafts,
        CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var entries = await AppendInAsync(connection, transaction, drafts, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return entries;
        }
    }

    /// <summary>Appends <paramref name="drafts"/> inside the caller's transaction, which commits them with its own changes.</summary>
    public static async Task<IReadOnlyList<AuditEntry>> AppendInAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        IReadOnlyList<AuditEntryDraft> drafts,
        CancellationToken cancellationToken)
    {
        var head = await EntryStream.ReadHeadAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var first = sequence + 1;
        var previous = head?.Hash ?? AuditChain.GenesisHash.ToArray();
        var entries = new AuditEntry[drafts.Count];
        using (var insert = EntryRows.CreateInsert(connection, transaction))
        using (var parts = new PartWriter(connection, transaction))
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

        await SearchIndex.TagAsync(connection, transaction, first, sequence, cancellationToken).ConfigureAwait(false);
        await MoveHeadAsync(connection, transaction, sequence, previous, cancellationToken).ConfigureAwait(false);
        return entries;
    }

    private static async Task MoveHeadAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        long sequence,
        byte[] hash,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = MoveHeadSql;
        command.Parameters.AddWithValue("@seq", sequence);
        command.Parameters.AddWithValue("@hash", hash);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
