using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>
/// The one place a full-text index over bodies (schema step 4) drops its rows when retention removes bodies or
/// records, inside the same transaction and before the entries change.
/// </summary>
/// <remarks>
/// The index holds prompt and response text; leaving its rows behind would keep exactly what retention promised to
/// delete. <c>@ids</c> is a JSON array of the exchange ids whose bodies are going; their entries still carry those ids
/// when this runs. Until the search index exists there is nothing to purge.
/// </remarks>
internal static class RetentionSearchPurge
{
    // The search index sets this to its delete statement, for example:
    // DELETE FROM audit_search WHERE rowid IN (SELECT seq FROM audit_entries WHERE exchange_id IN (SELECT value FROM json_each(@ids)))
    private static readonly string? PurgeSql = null;

    public static async Task PurgeAsync(SqliteConnection connection, SqliteTransaction transaction, string idsJson, CancellationToken cancellationToken)
    {
        if (PurgeSql is null)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PurgeSql;
        command.Parameters.AddWithValue("@ids", idsJson);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
