using Gatehouse.Audit.Chain;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Appends a batch of drafts to the chain in one transaction and moves the head with it.</summary>
/// <remarks>
/// A body given as parts is written as references to content-addressed parts (<see cref="Relational.Audit.PartWriter"/>); its text is
/// indexed later, off the append, by <see cref="PartIndexer"/>, and its search tags by <see cref="TagIndexer"/>. The
/// batch is sealed in memory first, then its rows go in one multi-row insert (<see cref="RowInserts"/>), so the
/// outcome of an exchange whose intent is in the same batch finds it, then its parts, then all its references to
/// them in one more. Every statement comes from the connection's
/// <see cref="AppendStatements"/>, compiled once and reused by each batch.
/// </remarks>
internal static class AuditAppender
{
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
        var statements = AppendStatements.For(connection, transaction);
        var head = await ReadHeadAsync(statements.ReadHead, cancellationToken).ConfigureAwait(false);
        var sequence = head?.Sequence ?? 0;
        var previous = head?.Hash ?? AuditChain.GenesisHash.ToArray();
        var entries = new AuditEntry[drafts.Count];
        for (var i = 0; i < drafts.Count; i++)
        {
            entries[i] = AuditChain.Seal(drafts[i], ++sequence, previous);
            previous = entries[i].Hash;
        }

        await statements.InsertEntriesAsync(entries, transaction, cancellationToken).ConfigureAwait(false);
        foreach (var entry in entries)
        {
            await statements.Parts.WriteAsync(entry, cancellationToken).ConfigureAwait(false);
        }

        await statements.InsertReferencesAsync(transaction, cancellationToken).ConfigureAwait(false);

        statements.MoveHead.Parameters[0].Value = sequence;
        statements.MoveHead.Parameters[1].Value = previous;
        await statements.MoveHead.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return entries;
    }

    private static async Task<AuditHead?> ReadHeadAsync(SqliteCommand readHead, CancellationToken cancellationToken)
    {
        var reader = await readHead.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? new AuditHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
                : null;
        }
    }
}
