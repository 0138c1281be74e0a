namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Schema step 14: the search tags follow the log (<see cref="TagIndexer"/>) instead of being written by each append.</summary>
/// <remarks>
/// Every entry of an older file was tagged by its own append (or by step 4's backfill), so the cursor starts at the
/// last entry. Additive: no row, hash or tag changes.
/// </remarks>
internal static class TagCursorSchema
{
    public const int Version = 14;

    public const string Sql = """
        INSERT OR IGNORE INTO audit_index_cursor (name, position)
        VALUES ('tags', coalesce((SELECT max(seq) FROM audit_entries), 0));
        """;
}
