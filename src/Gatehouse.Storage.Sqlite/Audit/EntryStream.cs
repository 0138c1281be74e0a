using System.Runtime.CompilerServices;
using Gatehouse.Audit.Chain;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Reads the log in sequence order and the stored head.</summary>
internal static class EntryStream
{
    public static async IAsyncEnumerable<AuditEntry> ReadAllAsync(
        SqliteConnection connection,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EntryRows.Columns} FROM audit_entries ORDER BY seq";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return EntryRows.Read(reader);
        }
    }

    public static async Task<IReadOnlyList<AuditEntry>> ReadAfterAsync(
        SqliteConnection connection, long afterSequence, int max, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {EntryRows.Columns} FROM audit_entries WHERE seq > @after ORDER BY seq LIMIT @max";
        command.Parameters.AddWithValue("@after", afterSequence);
        command.Parameters.AddWithValue("@max", max);
        var entries = new List<AuditEntry>(Math.Min(max, 1024));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(EntryRows.Read(reader));
        }

        return entries;
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
