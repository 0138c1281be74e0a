using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Writes the search tags (<see cref="SearchIndex.TagsSql"/>) of appended entries, following the log behind a cursor kept in the store.</summary>
/// <remarks>
/// <para>
/// Until schema 14 the append tagged its own batch in its transaction. Each tag row and its sequence index sit at a
/// place of their own in two b-trees (by tag, by sequence), so tagging one exchange dirtied a page per distinct tag
/// (group, principal, decision, finding, status) in every commit, however small. Following the log, one step tags every
/// entry appended since the last, and entries with the same tags share the pages they dirty.
/// </para>
/// <para>
/// Sequences only grow and an entry is committed before the step that tags it can see it, so tagging every sequence
/// above the cursor in order tags each entry once; the cursor moves in the step's transaction (the follower's, shared
/// with <see cref="PartIndexer"/>'s step). The tag statement is <c>INSERT OR IGNORE</c>, so a step repeated after a
/// crash changes nothing. A search that filters by a tag catches up first (<see cref="PartIndexFollower.CatchUpAsync"/>),
/// so a filter never misses an acknowledged exchange. Retention's tombstone removes a record's tags and rewrites its
/// intent's kind, so a later step finds nothing of it to tag.
/// </para>
/// </remarks>
internal static class TagIndexer
{
    /// <summary>The most entries one step tags, so the writer connection is never held long.</summary>
    public const int StepEntries = 256;

    /// <summary>A query of the highest sequence (0 when none) and the cursor, in that order.</summary>
    public const string TargetSql = $"SELECT coalesce((SELECT max(seq) FROM audit_entries), 0), ({CursorSql})";

    private const string Cursor = "tags";

    private const string CursorSql = $"SELECT position FROM audit_index_cursor WHERE name = '{Cursor}'";

    private const string UptoSql = "SELECT min((SELECT max(seq) FROM audit_entries), @cursor + @max, @through)";

    /// <summary>Tags the next entries above the cursor, up to sequence <paramref name="through"/>, inside <paramref name="transaction"/>; returns how many sequences it covered (0 when caught up).</summary>
    public static async Task<int> StepInAsync(SqliteConnection connection, SqliteTransaction transaction, long through, CancellationToken cancellationToken) =>
        await IndexCursor.StepAsync(connection, transaction, Cursor, UptoSql, StepEntries, through, SearchIndex.TagsSql, cancellationToken).ConfigureAwait(false) is { } step
            ? (int)step.Moved
            : 0;

    /// <summary>Returns the highest sequence tagged so far.</summary>
    public static Task<long> PositionAsync(SqliteConnection connection, CancellationToken cancellationToken) =>
        IndexCursor.PositionAsync(connection, Cursor, cancellationToken);
}
