namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Schema step 1: the audit log, on the logical layout of the embedded store's schema 8.</summary>
/// <remarks>
/// <para>
/// <c>audit_entries</c> has the embedded store's columns (times as UTC ticks, hashes and payloads as <c>bytea</c>) plus
/// <c>writer_id</c>, the process that appended the row. <c>audit_head</c> has one row from the start (sequence 0,
/// genesis hash): every append locks it (<c>SELECT ... FOR UPDATE</c>), which orders appends from any number of
/// processes into one chain. Bodies are content-addressed: <c>audit_parts</c> holds each distinct part once by its
/// SHA-256, <c>audit_entry_parts</c> each entry's ordered references and the intent sequence of its exchange, so the
/// Merkle leaves and the manifest hashes commit to exactly what the embedded store commits to.
/// </para>
/// <para><c>audit_tags</c> holds the search filters (group, principal, rule, decision, finding, status) per intent.</para>
/// </remarks>
internal static class AuditSchema
{
    public const int Version = 1;

    public const string Sql = """
        CREATE TABLE audit_entries (
            seq bigint PRIMARY KEY,
            kind text NOT NULL,
            exchange_id text NOT NULL,
            time_ticks bigint NOT NULL,
            subject text,
            email text,
            connection text,
            model text,
            status integer,
            decision text,
            payload bytea NOT NULL,
            body bytea,
            body_hash bytea,
            prev_hash bytea NOT NULL,
            hash bytea NOT NULL,
            writer_id text NOT NULL);
        CREATE INDEX ix_audit_exchange ON audit_entries (exchange_id, kind);
        CREATE INDEX ix_audit_subject ON audit_entries (subject) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_email ON audit_entries (email) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_connection ON audit_entries (connection, seq) WHERE kind = 'exchange.intent';
        CREATE INDEX ix_audit_time ON audit_entries (time_ticks) WHERE kind = 'exchange.intent';
        CREATE TABLE audit_head (
            id integer PRIMARY KEY CHECK (id = 1),
            seq bigint NOT NULL,
            hash bytea NOT NULL);
        INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, decode(repeat('00', 32), 'hex'));
        CREATE TABLE audit_parts (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            hash bytea NOT NULL UNIQUE,
            body bytea NOT NULL);
        CREATE TABLE audit_entry_parts (
            seq bigint NOT NULL,
            ord integer NOT NULL,
            part_id bigint NOT NULL,
            exchange_seq bigint NOT NULL,
            PRIMARY KEY (seq, ord));
        CREATE INDEX ix_audit_entry_parts_part ON audit_entry_parts (part_id, exchange_seq);
        CREATE TABLE audit_tags (
            tag text NOT NULL,
            seq bigint NOT NULL,
            PRIMARY KEY (tag, seq));
        CREATE TABLE audit_checkpoints (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            tree_size bigint NOT NULL,
            root_hash bytea NOT NULL,
            time_unix bigint NOT NULL,
            key_id text NOT NULL,
            signature bytea NOT NULL);
        CREATE TABLE write_probe (id integer PRIMARY KEY)
        """;
}
