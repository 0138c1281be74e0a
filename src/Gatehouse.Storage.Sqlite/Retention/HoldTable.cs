using Gatehouse.Audit.Retention;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Sqlite.Audit;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>Reads and writes <c>legal_holds</c>; each change appends its audit entry in the same transaction.</summary>
internal static class HoldTable
{
    private const string Columns = "id, target_kind, target, reason, created_by, created_ticks, released_ticks, released_by";

    public static async Task<bool> PlaceAsync(SqliteConnection connection, LegalHold hold, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO legal_holds ({Columns}) VALUES (@id, @kind, @target, @reason, @by, @at, NULL, NULL)";
            command.Parameters.AddWithValue("@id", hold.Id);
            command.Parameters.AddWithValue("@kind", KindText(hold.Target));
            command.Parameters.AddWithValue("@target", hold.Value);
            command.Parameters.AddWithValue("@reason", hold.Reason);
            command.Parameters.AddWithValue("@by", hold.CreatedBy);
            command.Parameters.AddWithValue("@at", hold.CreatedAt.UtcTicks);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            await AuditAppender.AppendInAsync(connection, transaction, [RetentionEntries.HoldPlaced(hold)], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
    }

    public static async Task<LegalHold?> ReleaseAsync(
        SqliteConnection connection, string id, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"""
                UPDATE legal_holds SET released_ticks = @at, released_by = @by WHERE id = @id AND released_ticks IS NULL
                RETURNING {Columns}
                """;
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@at", at.UtcTicks);
            command.Parameters.AddWithValue("@by", releasedBy);
            LegalHold? released;
            using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
            {
                released = await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? Read(reader) : null;
            }

            if (released is null)
            {
                return null;
            }

            await AuditAppender.AppendInAsync(connection, transaction, [RetentionEntries.HoldReleased(released)], cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return released;
        }
    }

    public static async Task<IReadOnlyList<LegalHold>> ListAsync(SqliteConnection connection, bool includeReleased, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM legal_holds"
            + (includeReleased ? "" : " WHERE released_ticks IS NULL") + " ORDER BY created_ticks, id";
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var holds = new List<LegalHold>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            holds.Add(Read(reader));
        }

        return holds;
    }

    private static LegalHold Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1) == "user" ? LegalHoldTarget.User : LegalHoldTarget.Exchange,
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        EntryReader.FromTicks(reader.GetInt64(5)),
        reader.IsDBNull(6) ? null : EntryReader.FromTicks(reader.GetInt64(6)),
        EntryReader.OptionalText(reader, 7));

    private static string KindText(LegalHoldTarget target) => target == LegalHoldTarget.User ? "user" : "exchange";
}
