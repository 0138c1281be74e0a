using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>
/// A follower's cursor in <c>audit_index_cursor</c> (<see cref="PartIndexer"/>'s <c>parts</c>, <see cref="TagIndexer"/>'s
/// <c>tags</c>), and the one step both take behind it: read the cursor, bound the step, run it, move the cursor.
/// </summary>
/// <remarks>
/// The step runs in the caller's transaction, and the cursor moves in the same statement batch as the work, so a crash
/// between steps loses nothing and repeats nothing.
/// </remarks>
internal static class IndexCursor
{
    private const string ReadSql = "SELECT position FROM audit_index_cursor WHERE name = @name";

    private const string MoveSql = ";\nUPDATE audit_index_cursor SET position = @last WHERE name = @name;";

    /// <summary>
    /// Runs <paramref name="stepSql"/> over <c>@first</c> to <c>@last</c> (the cursor + 1 to the bound
    /// <paramref name="uptoSql"/> gives for <c>@cursor</c>, <c>@max</c> and <c>@through</c>), then moves cursor
    /// <paramref name="name"/> to <c>@last</c>; returns the rows the step and the move changed and how far the cursor
    /// moved, or null when caught up.
    /// </summary>
    public static async Task<(int Changed, long Moved)?> StepAsync(
        SqliteConnection connection, SqliteTransaction transaction, string name, string uptoSql, int max, long through, string stepSql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ReadSql;
        command.Parameters.AddWithValue("@name", name);
        var cursor = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        command.CommandText = uptoSql;
        command.Parameters.AddWithValue("@cursor", cursor);
        command.Parameters.AddWithValue("@max", max);
        command.Parameters.AddWithValue("@through", through);
        if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long last || last <= cursor)
        {
            return null;
        }

        command.CommandText = stepSql + MoveSql;
        command.Parameters.Clear();
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@first", cursor + 1);
        command.Parameters.AddWithValue("@last", last);
        var changed = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return (changed, last - cursor);
    }

    /// <summary>Returns cursor <paramref name="name"/>'s position: the highest id or sequence its follower has covered.</summary>
    public static async Task<long> PositionAsync(SqliteConnection connection, string name, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = ReadSql;
        command.Parameters.AddWithValue("@name", name);
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
