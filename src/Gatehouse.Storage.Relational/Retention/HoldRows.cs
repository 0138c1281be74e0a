using System.Data.Common;
using Gatehouse.Audit.Retention;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Retention;

/// <summary>Reads and writes <c>legal_holds</c>; each change appends its audit entry in the same transaction.</summary>
internal static class HoldRows
{
    private const string Columns = "id, target_kind, target, reason, created_by, created_ticks, released_ticks, released_by";

    public static Task PlaceAsync(IRelationalDatabase database, LegalHold hold, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"INSERT INTO legal_holds ({Columns}) VALUES (@id, @kind, @target, @reason, @by, @at, NULL, NULL)";
                command.Add("@id", hold.Id);
                command.Add("@kind", hold.Target == LegalHoldTarget.User ? "user" : "exchange");
                command.Add("@target", hold.Value);
                command.Add("@reason", hold.Reason);
                command.Add("@by", hold.CreatedBy);
                command.Add("@at", hold.CreatedAt.UtcTicks);
                await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await database.AppendAsync(connection, transaction, [RetentionEntries.HoldPlaced(hold)], ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public static Task<LegalHold?> ReleaseAsync(
        IRelationalDatabase database, string id, string releasedBy, DateTimeOffset at, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (connection, transaction, ct) =>
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = $"""
                    UPDATE legal_holds SET released_ticks = @at, released_by = @by WHERE id = @id AND released_ticks IS NULL
                    RETURNING {Columns}
                    """;
                command.Add("@id", id);
                command.Add("@at", at.UtcTicks);
                command.Add("@by", releasedBy);
                var released = (await ReadAllAsync(command, ct).ConfigureAwait(false)).FirstOrDefault();
                if (released is not null)
                {
                    await database.AppendAsync(connection, transaction, [RetentionEntries.HoldReleased(released)], ct).ConfigureAwait(false);
                }

                return released;
            },
            cancellationToken);

    public static Task<IReadOnlyList<LegalHold>> ListAsync(IRelationalDatabase database, bool includeReleased, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<LegalHold>>(
            async (connection, ct) =>
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT {Columns} FROM legal_holds"
                    + (includeReleased ? "" : " WHERE released_ticks IS NULL") + " ORDER BY created_ticks, id";
                return await ReadAllAsync(command, ct).ConfigureAwait(false);
            },
            cancellationToken);

    private static async Task<List<LegalHold>> ReadAllAsync(DbCommand command, CancellationToken cancellationToken)
    {
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var holds = new List<LegalHold>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            holds.Add(new LegalHold(
                reader.GetString(0),
                reader.GetString(1) == "user" ? LegalHoldTarget.User : LegalHoldTarget.Exchange,
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                EntryReader.FromTicks(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : EntryReader.FromTicks(reader.GetInt64(6)),
                EntryReader.OptionalText(reader, 7)));
        }

        return holds;
    }
}
