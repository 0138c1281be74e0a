namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Schema step 8: content-addressed bodies and the full-text index that follows them.</summary>
/// <remarks>
/// <para>
/// <c>audit_parts</c> holds each distinct part of a body once, addressed by the SHA-256 of its bytes; its id only
/// grows (<c>AUTOINCREMENT</c>), so the text indexer's cursor on it never sees an id twice.
/// <c>audit_entry_parts</c> lists, per entry, its parts in order (<c>ord</c>) and the intent sequence of the exchange
/// it belongs to (<c>exchange_seq</c>: the entry's own sequence for an intent), so a text match maps to intents
/// without reading the log. The index on <c>(part_id, exchange_seq)</c> answers both "who still refers to this part"
/// (retention) and "which exchanges contain this part" (search).
/// </para>
/// <para>
/// <c>audit_part_text</c> is a contentless FTS5 table keyed by part id, written off the append path by
/// <see cref="PartIndexer"/>, whose position is <c>audit_index_cursor</c>. Entries written before this step keep
/// their inline body and their rows in <c>audit_text</c>; search reads both indexes. Additive: a version 7 file
/// upgrades in place and every entry hash is unchanged.
/// </para>
/// A PostgreSQL provider maps the tables one to one (<c>bigint generated always as identity</c>, <c>bytea</c>, a
/// <c>tsvector</c> column with a GIN index in place of FTS5).
/// </remarks>
internal static class PartSchema
{
    public const int Version = 8;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS audit_parts (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            hash BLOB NOT NULL UNIQUE,
            body BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS audit_entry_parts (
            seq INTEGER NOT NULL,
            ord INTEGER NOT NULL,
            part_id INTEGER NOT NULL,
            exchange_seq INTEGER NOT NULL,
            PRIMARY KEY (seq, ord)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_audit_entry_parts_part ON audit_entry_parts (part_id, exchange_seq);
        CREATE VIRTUAL TABLE IF NOT EXISTS audit_part_text USING fts5(
            body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE IF NOT EXISTS audit_index_cursor (
            name TEXT PRIMARY KEY,
            position INTEGER NOT NULL);
        INSERT OR IGNORE INTO audit_index_cursor (name, position) VALUES ('parts', 0);
        """;
}
