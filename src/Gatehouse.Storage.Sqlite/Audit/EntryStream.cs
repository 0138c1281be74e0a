using System.Runtime.CompilerServices;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Reads the log in sequence order and the stored head.</summary>
/// <remarks>Entries come with their bodies, whole or joined from their parts (<see cref="PartRows"/>).</remarks>
internal static class EntryStream
{
    private const int Chunk = 512;

    /// <summary>Streams every entry in chunks, all read in one transaction so the stream is one snapshot of the log.</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAllAsync(
        SqliteConnection connection,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var after = 0L;
            while (true)
            {
                var entries = await ReadAfterAsync(connection, transaction, after, Chunk, cancellationToken).ConfigureAwait(false);
                foreach (var entry in entries)
                {
                    yield return entry;
                }

                if (entries.Count < Chunk)
                {
                    yield break;
                }

                after = entries[^1].Sequence;
            }
        }
    }

    public static Task<IReadOnlyList<AuditEntry>> ReadAfterAsync(
        SqliteConnection connection, long afterSequence, int max, CancellationToken cancellationToken)
        => ReadAfterAsync(connection, null, afterSequence, max, cancellationToken);

    private static async Task<IReadOnlyList<AuditEntry>> ReadAfterAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long afterSequence, int max, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {EntryReader.Columns} FROM audit_entries WHERE seq > @after ORDER BY seq LIMIT @max";
        command.Parameters.AddWithValue("@after", afterSequence);
        command.Parameters.AddWithValue("@max", max);
        var entries = await EntryReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return await PartRows.AttachAsync(connection, transaction, entries, PartSelect.Create, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<AuditHead?> ReadHeadAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT seq, hash FROM audit_head WHERE id = 1";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new AuditHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
            : null;
    }
}
