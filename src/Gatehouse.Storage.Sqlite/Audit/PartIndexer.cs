using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Indexes stored parts for full-text search, following <c>audit_parts</c> behind a cursor kept in the store.</summary>
/// <remarks>
/// Part ids only grow, and a part is committed with the entry that first refers to it, so indexing every id above the
/// cursor in order indexes each distinct part exactly once. Each step indexes at most <see cref="StepParts"/> parts and
/// moves the cursor in the same transaction (the follower's, shared with <see cref="TagIndexer"/>'s step): a crash
/// between steps loses nothing and repeats nothing. Retention deletes an unreferenced part's index row in its own
/// transaction (only below the cursor: above it there is none).
/// </remarks>
internal static class PartIndexer
{
    /// <summary>The most parts one step indexes, so the writer connection is never held long.</summary>
    public const int StepParts = 64;

    /// <summary>A query of the highest stored part id (0 when none) and the cursor, in that order.</summary>
    public const string TargetSql = $"SELECT coalesce((SELECT max(id) FROM audit_parts), 0), ({CursorSql})";

    private const string Cursor = "parts";

    private const string CursorSql = $"SELECT position FROM audit_index_cursor WHERE name = '{Cursor}'";

    private const string UptoSql =
        "SELECT max(id) FROM (SELECT id FROM audit_parts WHERE id > @cursor AND id <= @through ORDER BY id LIMIT @max)";

    private const string IndexSql =
        "INSERT INTO audit_part_text (rowid, body) SELECT id, CAST(body AS TEXT) FROM audit_parts WHERE id BETWEEN @first AND @last";

    /// <summary>Indexes the next parts above the cursor, up to id <paramref name="through"/>, inside <paramref name="transaction"/>; returns how many (0 when caught up).</summary>
    public static async Task<int> StepInAsync(SqliteConnection connection, SqliteTransaction transaction, long through, CancellationToken cancellationToken) =>
        await IndexCursor.StepAsync(connection, transaction, Cursor, UptoSql, StepParts, through, IndexSql, cancellationToken).ConfigureAwait(false) is { } step
            ? Math.Max(step.Changed - 1, 1)
            : 0;

    /// <summary>Returns the highest part id indexed so far.</summary>
    public static Task<long> PositionAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        IndexCursor.PositionAsync(connection, Cursor, cancellationToken);
}
