namespace Gatehouse.Storage.Postgres.Retention;

/// <summary>Schema step 5: legal holds, and the index that lets a tombstoned record drop its search tags.</summary>
/// <remarks>
/// Tombstones need no column of their own: a tombstone is an <c>audit_entries</c> row whose kind is
/// <c>retention.tombstone</c>. The partial index serves the hold check each retention batch makes.
/// </remarks>
internal static class LegalHoldSchema
{
    public const int Version = 5;

    public const string Sql = """
        CREATE TABLE legal_holds (
            id text PRIMARY KEY,
            target_kind text NOT NULL CHECK (target_kind IN ('exchange', 'user')),
            target text NOT NULL,
            reason text NOT NULL,
            created_by text NOT NULL,
            created_ticks bigint NOT NULL,
            released_ticks bigint,
            released_by text);
        CREATE INDEX ix_legal_holds_active ON legal_holds (target_kind, target) WHERE released_ticks IS NULL;
        CREATE INDEX ix_audit_tags_seq ON audit_tags (seq)
        """;
}
