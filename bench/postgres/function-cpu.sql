-- The server's CPU per call of the audit append function (bench/postgres/function-cpu.sh runs it in a fresh schema
-- with bench.fn = v10 or v12, bench.entries and bench.batches set). Each batch is half intents (identity with two
-- groups and two principals, one rule, one finding, a 600-character prompt in the payload), half outcomes (a
-- 2,200-character response in the payload, status 200), two parts per intent (one shared by every batch, one new),
-- and for v12 the tags the client derives from those payloads. The CPU is the backend's own
-- (/proc/self/schedstat, nanoseconds on CPU), read around the call only, so building the arrays is not counted.
DO $$
DECLARE
  n int := current_setting('bench.entries')::int; batches int := current_setting('bench.batches')::int; it int; c0 bigint; total double precision := 0;
  k text[]; ex text[]; tt bigint[]; subj text[]; em text[]; con text[]; model text[]; st int[]; dec text[];
  pay bytea[]; body bytea[]; bh bytea[]; uns bytea[]; ph bytea[]; pb bytea[]; re int[]; ro int[]; rh bytea[];
  te int[]; tx text[]; ti boolean[]; fn text := current_setting('bench.fn');
  big text := repeat('masked response text with some words ', 60);
BEGIN
  FOR it IN 1..batches LOOP
    -- A third in, the tables get statistics (as autovacuum gives a live store) and the cached plans are rebuilt.
    IF it = batches / 3 THEN ANALYZE audit_entries; ANALYZE audit_parts; ANALYZE audit_tags; ANALYZE audit_entry_parts; END IF;
    SELECT array_agg(CASE WHEN i % 2 = 1 THEN 'exchange.intent'::text ELSE 'exchange.outcome' END ORDER BY i),
           array_agg('ex-' || it || '-' || ((i + 1) / 2) ORDER BY i),
           array_agg(638000000000000000::bigint + i ORDER BY i),
           array_agg(CASE WHEN i % 2 = 1 THEN 'alice'::text END ORDER BY i),
           array_agg(CASE WHEN i % 2 = 1 THEN 'alice@example.com'::text END ORDER BY i),
           array_agg('openai'::text ORDER BY i), array_agg('gpt-test'::text ORDER BY i),
           array_agg(CASE WHEN i % 2 = 0 THEN 200 END ORDER BY i),
           array_agg(CASE WHEN i % 2 = 1 THEN 'allow'::text END ORDER BY i),
           array_agg(convert_to(CASE WHEN i % 2 = 1 THEN
              '{"exchangeId":"ex","identity":{"subject":"alice","groups":["dev","platform"],"principals":["https://idp#alice","email:alice@example.com"]},"connection":"openai","rules":["allow-dev"],"findings":[{"rule":"r","category":"aws-key","direction":"request","field":"prompt","fingerprint":"abc"}],"prompt":"' || repeat('x', 600) || '"}'
              ELSE '{"exchangeId":"ex","status":200,"response":"' || big || '","findings":[]}' END, 'UTF8') ORDER BY i),
           array_agg(NULL::bytea ORDER BY i),
           array_agg(sha256(int4send(i)) ORDER BY i),
           array_agg(convert_to(repeat('u', CASE WHEN i % 2 = 1 THEN 900 ELSE 2400 END) || i, 'UTF8') ORDER BY i)
      INTO k, ex, tt, subj, em, con, model, st, dec, pay, body, bh, uns
      FROM generate_series(1, n) i;
    ph := ARRAY[sha256('system'::bytea)] || (SELECT array_agg(sha256(convert_to(it || '-' || i, 'UTF8')) ORDER BY i) FROM generate_series(1, n / 2) i);
    pb := ARRAY[convert_to(repeat('system prompt ', 100), 'UTF8')] || (SELECT array_agg(convert_to(repeat('q', 300) || it || i, 'UTF8')) FROM generate_series(1, n / 2) i);
    SELECT array_agg(2 * i - 1 ORDER BY i, o), array_agg(o ORDER BY i, o), array_agg(CASE WHEN o = 0 THEN ph[1] ELSE ph[i + 1] END ORDER BY i, o)
      INTO re, ro, rh FROM generate_series(1, n / 2) i, generate_series(0, 1) o;
    SELECT array_agg(e), array_agg(t), array_agg(oi) INTO te, tx, ti FROM (
      SELECT 2 * i - 1 AS e, unnest(ARRAY['group:dev','group:platform','principal:https://idp#alice','principal:email:alice@example.com','rule:allow-dev','decision:allow','finding:aws-key']) AS t, false AS oi FROM generate_series(1, n / 2) i
      UNION ALL SELECT 2 * i, 'status:200', true FROM generate_series(1, n / 2) i) s;
    c0 := split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint;
    IF fn = 'v10' THEN
      PERFORM * FROM gatehouse_audit_append('w', '\x01'::bytea, k, ex, tt, subj, em, con, model, st, dec, pay, body, bh, uns, ph, pb, re, ro, rh);
    ELSE
      PERFORM * FROM gatehouse_audit_append_v12('w', '\x01'::bytea, k, ex, tt, subj, em, con, model, st, dec, pay, body, bh, uns, ph, pb, re, ro, rh, te, tx, ti);
    END IF;
    IF it > batches / 3 THEN total := total + (split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint - c0) / 1e6; END IF;
  END LOOP;
  RAISE NOTICE 'result % % %', fn, round((total / (batches - batches / 3))::numeric, 3), (SELECT count(*) FROM audit_tags);
END $$;
