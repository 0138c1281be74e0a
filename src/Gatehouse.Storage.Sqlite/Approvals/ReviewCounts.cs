using System.Globalization;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>Counts one requester's pending rows of a review table, for the per-caller caps.</summary>
internal static class ReviewCounts
{
    public static Task<int> PendingAsync(SqliteDatabase database, string tableName, string requester, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ReadAsync(
            async (connection, ct) =>
            {
                using var command = ReviewColumns.Command(connection, null, $"SELECT count(*) FROM {tableName} WHERE requester = @requester AND {ReviewPaging.Pending}");
                command.Parameters.AddWithValue("@requester", requester);
                command.Parameters.AddWithValue("@now", now.UtcTicks);
                return Convert.ToInt32(await command.ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            },
            cancellationToken);
}
