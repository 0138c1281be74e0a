using System.Data;
using System.Runtime.CompilerServices;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Audit;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Reads the log in sequence order and the stored head.</summary>
internal static class EntryStream
{
    private const int Chunk = 512;

    /// <summary>Streams every entry in chunks, all read in one repeatable-read transaction: one snapshot of the log.</summary>
    public static async IAsyncEnumerable<AuditEntry> ReadAllAsync(
        NpgsqlConnection connection,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
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

    public static async Task<IReadOnlyList<AuditEntry>> ReadAfterAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long afterSequence, int max, CancellationToken cancellationToken)
    {
        using var command = new NpgsqlCommand(
            $"SELECT {EntryReader.Columns} FROM audit_entries WHERE seq > @after ORDER BY seq LIMIT @max", connection, transaction);
        command.Parameters.AddWithValue("after", afterSequence);
        command.Parameters.AddWithValue("max", max);
        var entries = await EntryReader.ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        return await PartRows.AttachAsync(connection, transaction, entries, PartSelect.Create, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Returns the head, or null while the log is empty (the head row at sequence 0).</summary>
    /// <remarks>
    /// An append commits asynchronously and flushes after (<see cref="Appender"/>), so the head read may be one a
    /// server crash could still lose; the WAL is flushed after the read, so the head returned is durable: a checkpoint
    /// signed through it, or an export bounded by it, never names an entry that a crash takes back.
    /// </remarks>
    public static async Task<AuditHead?> ReadHeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        AuditHead? head;
        using (var command = new NpgsqlCommand("SELECT seq, hash FROM audit_head WHERE id = 1", connection))
        {
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            head = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) && reader.GetInt64(0) > 0
                ? new AuditHead(reader.GetInt64(0), reader.GetFieldValue<byte[]>(1))
                : null;
        }

        await WalFlush.FlushAsync(connection, cancellationToken).ConfigureAwait(false);
        return head;
    }
}
