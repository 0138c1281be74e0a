namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>
/// Schema step 12: <c>gatehouse_audit_append_v12</c>, step 10's append function with the search tags derived by the
/// client (<see cref="EntryTags"/>) and passed in, instead of parsed out of the payloads in the server under the lock.
/// </summary>
/// <remarks>
/// <para>
/// Step 10's function parsed every intent's and outcome's whole payload as <c>jsonb</c> (an outcome carries its masked
/// response) and joined each outcome to its intent, while the head was locked; measured, that statement was the
/// second most expensive of the append (docs/designs/postgres-store.md). This one takes the tags as three arrays (the
/// batch's 1-based entry, the tag, and whether it belongs to that entry's exchange's intent rather than to the entry),
/// inserts them in one statement, and skips the statement when the batch has none. Everything else is step 10's text,
/// unchanged in effect: the same rows in the same tables, the same tags as before for the same entries, so search reads
/// rows written before and after this step alike.
/// </para>
/// <para>
/// Step 10's function stays: a replica of the previous release still running during a rolling upgrade keeps calling
/// it, and its appends land in the same chain under the same head lock. A later change to what an append writes is a
/// new step with a new function.
/// </para>
/// </remarks>
internal static class TaggedAppendFunctionSchema
{
    public const int Version = 12;

    public const string Sql = """
        CREATE FUNCTION gatehouse_audit_append_v12(
            p_writer_id text, p_prefix bytea,
            p_kind text[], p_exchange_id text[], p_time_ticks bigint[], p_subject text[], p_email text[],
            p_connection text[], p_model text[], p_status integer[], p_decision text[], p_payload bytea[],
            p_body bytea[], p_body_hash bytea[], p_unsequenced bytea[],
            p_part_hash bytea[], p_part_body bytea[],
            p_ref_entry integer[], p_ref_ord integer[], p_ref_hash bytea[],
            p_tag_entry integer[], p_tag_text text[], p_tag_on_intent boolean[])
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

            IF cardinality(p_tag_entry) > 0 THEN
                INSERT INTO audit_tags (tag, seq)
                SELECT t.tag, v_head + t.entry
                FROM unnest(p_tag_entry, p_tag_text, p_tag_on_intent) AS t(entry, tag, on_intent)
                WHERE NOT t.on_intent
                UNION ALL
                SELECT t.tag, i.seq
                FROM unnest(p_tag_entry, p_tag_text, p_tag_on_intent) AS t(entry, tag, on_intent)
                JOIN audit_entries i ON i.exchange_id = p_exchange_id[t.entry] AND i.kind = 'exchange.intent'
                WHERE t.on_intent
                ON CONFLICT DO NOTHING;
            END IF;

            UPDATE audit_head SET seq = v_last, hash = v_prev WHERE id = 1;

            RETURN QUERY SELECT v_head + r.n, r.prev_hash, r.hash
                FROM unnest(v_prevs, v_hashes) WITH ORDINALITY AS r(prev_hash, hash, n);
        END
        $fn$
        """;
}
