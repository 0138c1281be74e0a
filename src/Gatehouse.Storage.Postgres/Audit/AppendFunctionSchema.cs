namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>
/// Schema step 10: <c>gatehouse_audit_append</c>, the function that places a batch in the chain inside the server, so
/// the head row is locked only while one statement runs (see <see cref="Appender"/>).
/// </summary>
/// <remarks>
/// <para>
/// It takes the batch as one array per column, plus what the client computed before the lock: for each entry the bytes
/// of its canonical encoding that do not depend on its place (<c>p_unsequenced</c>, see
/// <c>AuditChain.EncodeUnsequenced</c>), the encoding's prefix, the distinct parts and the references (entry index,
/// order, part hash). Under the head's <c>FOR UPDATE</c> it assigns the sequences, hashes each entry as
/// <c>sha256(prefix ‖ int8send(seq) ‖ unsequenced ‖ prev_hash)</c> (<c>int8send</c> is the 8-byte big-endian form the C#
/// encoder writes), inserts the parts (<c>ON CONFLICT DO NOTHING</c>), entries, references and search tags, moves the
/// head and returns each entry's sequence, previous hash and hash, which the client checks against its own encoder.
/// </para>
/// <para>
/// The statements are the set-based ones the client sent before this step, unchanged in effect: a reference carries
/// its exchange's intent sequence (its own for an intent, else the exchange's first intent, possibly in this batch, else
/// its own), and the tags are the embedded store's filters. A reference that finds no part, or a missing head row,
/// raises <c>data_corrupted</c> (XX001), which the store reports as corrupt. The function's text is fixed by this
/// step: a later change to what an append writes is a new step that replaces it.
/// </para>
/// </remarks>
internal static class AppendFunctionSchema
{
    public const int Version = 10;

    public const string Sql = """
        CREATE FUNCTION gatehouse_audit_append(
            p_writer_id text, p_prefix bytea,
            p_kind text[], p_exchange_id text[], p_time_ticks bigint[], p_subject text[], p_email text[],
            p_connection text[], p_model text[], p_status integer[], p_decision text[], p_payload bytea[],
            p_body bytea[], p_body_hash bytea[], p_unsequenced bytea[],
            p_part_hash bytea[], p_part_body bytea[],
            p_ref_entry integer[], p_ref_ord integer[], p_ref_hash bytea[])
        RETURNS TABLE (entry_seq bigint, entry_prev_hash bytea, entry_hash bytea)
        LANGUAGE plpgsql VOLATILE AS $fn$
        #variable_conflict use_column
        DECLARE
            v_count integer := cardinality(p_kind);
            v_head bigint;
            v_prev bytea;
            v_first bigint;
            v_last bigint;
            v_prevs bytea[] := '{}';
            v_hashes bytea[] := '{}';
            v_refs bigint;
        BEGIN
            SELECT h.seq, h.hash INTO v_head, v_prev FROM audit_head h WHERE h.id = 1 FOR UPDATE;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'the audit head row is missing' USING ERRCODE = 'data_corrupted';
            END IF;

            v_first := v_head + 1;
            v_last := v_head + v_count;
            FOR i IN 1 .. v_count LOOP
                v_prevs[i] := v_prev;
                v_prev := sha256(p_prefix || int8send(v_head + i) || p_unsequenced[i] || v_prev);
                v_hashes[i] := v_prev;
            END LOOP;

            IF cardinality(p_part_hash) > 0 THEN
                INSERT INTO audit_parts (hash, body)
                SELECT p.hash, p.body FROM unnest(p_part_hash, p_part_body) AS p(hash, body)
                ON CONFLICT (hash) DO NOTHING;
            END IF;

            INSERT INTO audit_entries (seq, kind, exchange_id, time_ticks, subject, email, connection, model, status,
                decision, payload, body, body_hash, prev_hash, hash, writer_id)
            SELECT v_head + r.n, r.kind, r.exchange_id, r.time_ticks, r.subject, r.email, r.connection, r.model, r.status,
                r.decision, r.payload, r.body, r.body_hash, r.prev_hash, r.hash, p_writer_id
            FROM unnest(p_kind, p_exchange_id, p_time_ticks, p_subject, p_email, p_connection, p_model, p_status,
                        p_decision, p_payload, p_body, p_body_hash, v_prevs, v_hashes) WITH ORDINALITY
                AS r(kind, exchange_id, time_ticks, subject, email, connection, model, status, decision, payload, body,
                     body_hash, prev_hash, hash, n);

            IF cardinality(p_ref_entry) > 0 THEN
                INSERT INTO audit_entry_parts (seq, ord, part_id, exchange_seq)
                SELECT v_head + r.entry, r.ord, p.id, COALESCE(
                    CASE WHEN p_kind[r.entry] = 'exchange.intent' THEN v_head + r.entry END,
                    (SELECT i.seq FROM audit_entries i
                     WHERE i.exchange_id = p_exchange_id[r.entry] AND i.kind = 'exchange.intent' ORDER BY i.seq LIMIT 1),
                    v_head + r.entry)
                FROM unnest(p_ref_entry, p_ref_ord, p_ref_hash) AS r(entry, ord, hash)
                JOIN audit_parts p ON p.hash = r.hash;
                GET DIAGNOSTICS v_refs = ROW_COUNT;
                IF v_refs <> cardinality(p_ref_entry) THEN
                    RAISE EXCEPTION 'a part referenced by the batch is missing' USING ERRCODE = 'data_corrupted';
                END IF;
            END IF;

            INSERT INTO audit_tags (tag, seq)
            WITH b AS (
                SELECT e.seq, e.kind, e.exchange_id, e.decision, e.status,
                    CASE WHEN e.kind IN ('exchange.intent', 'exchange.outcome')
                        THEN convert_from(e.payload, 'UTF8')::jsonb END AS j
                FROM audit_entries e WHERE e.seq BETWEEN v_first AND v_last),
            a AS (
                SELECT b.*,
                    CASE WHEN jsonb_typeof(b.j #> '{identity,groups}') = 'array' THEN b.j #> '{identity,groups}' ELSE '[]' END AS groups,
                    CASE WHEN jsonb_typeof(b.j #> '{identity,principals}') = 'array' THEN b.j #> '{identity,principals}' ELSE '[]' END AS principals,
                    CASE WHEN jsonb_typeof(b.j #> '{rules}') = 'array' THEN b.j #> '{rules}' ELSE '[]' END AS rules,
                    CASE WHEN jsonb_typeof(b.j #> '{findings}') = 'array' THEN b.j #> '{findings}' ELSE '[]' END AS findings
                FROM b)
            SELECT t.tag, t.seq FROM (
                SELECT 'group:' || g AS tag, a.seq FROM a, jsonb_array_elements_text(a.groups) g
                WHERE a.kind = 'exchange.intent'
                UNION ALL
                SELECT 'principal:' || p, a.seq FROM a, jsonb_array_elements_text(a.principals) p
                WHERE a.kind = 'exchange.intent'
                UNION ALL
                SELECT 'rule:' || r, a.seq FROM a, jsonb_array_elements_text(a.rules) r
                WHERE a.kind = 'exchange.intent'
                UNION ALL
                SELECT 'decision:' || a.decision, a.seq FROM a
                WHERE a.kind = 'exchange.intent' AND a.decision IS NOT NULL
                UNION ALL
                SELECT 'finding:' || (f ->> 'category'), a.seq FROM a, jsonb_array_elements(a.findings) f
                WHERE a.kind = 'exchange.intent'
                UNION ALL
                SELECT 'finding:' || (f ->> 'category'), i.seq
                FROM a JOIN audit_entries i ON i.exchange_id = a.exchange_id AND i.kind = 'exchange.intent',
                    jsonb_array_elements(a.findings) f
                WHERE a.kind = 'exchange.outcome'
                UNION ALL
                SELECT 'status:' || a.status, i.seq
                FROM a JOIN audit_entries i ON i.exchange_id = a.exchange_id AND i.kind = 'exchange.intent'
                WHERE a.status IS NOT NULL AND a.kind IN ('exchange.outcome', 'exchange.interrupted')) t
            WHERE t.tag IS NOT NULL
            ON CONFLICT DO NOTHING;

            UPDATE audit_head SET seq = v_last, hash = v_prev WHERE id = 1;

            RETURN QUERY SELECT v_head + r.n, r.prev_hash, r.hash
                FROM unnest(v_prevs, v_hashes) WITH ORDINALITY AS r(prev_hash, hash, n);
        END
        $fn$
        """;
}
