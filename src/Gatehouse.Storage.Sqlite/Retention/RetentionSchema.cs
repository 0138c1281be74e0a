namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>Schema step 6: legal holds.</summary>
/// <remarks>
/// Additive (IF NOT EXISTS). Tombstones need no column of their own: a tombstone is an <c>audit_entries</c> row whose
/// kind is <c>retention.tombstone</c>. The partial index serves the hold check each retention batch makes; the tags index lets a
/// tombstoned record drop its search tags without scanning them all.
/// </remarks>
internal static class RetentionSchema
{
    public const int Version = 6;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS legal_holds (
            id TEXT PRIMARY KEY,
            target_kind TEXT NOT NULL CHECK (target_kind IN ('exchange', 'user')),
            target TEXT NOT NULL,
            reason TEXT NOT NULL,
            created_by TEXT NOT NULL,
            created_ticks INTEGER NOT NULL,
            released_ticks INTEGER,
            released_by TEXT);
        CREATE INDEX IF NOT EXISTS ix_legal_holds_active ON legal_holds (target_kind, target) WHERE released_ticks IS NULL;
        CREATE INDEX IF NOT EXISTS ix_audit_tags_seq ON audit_tags (seq);
        """;
}
