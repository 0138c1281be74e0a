using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Tags a range of just-appended entries for search, inside the append's transaction (<see cref="TagsSql"/>, run by <see cref="AuditAppender"/>).</summary>
/// <remarks>
/// One set-based statement per batch rather than per entry: it re-reads the rows the batch wrote (still in the page
/// cache) and parses the payloads in SQLite's JSON functions, so an append costs a few b-tree inserts. Being in the
/// same transaction, the filters can never disagree with the log. Text is no longer indexed here: bodies are stored as
/// parts and <see cref="PartIndexer"/> indexes each distinct part once, off the append. <see cref="TextSql"/> remains as
/// schema step 4's backfill of inline bodies written before parts existed.
/// </remarks>
internal static class SearchIndex
{
    // The outcome's intent is found by a lookup per outcome; CROSS JOIN keeps the batch's range as the outer loop, so
    // the planner never walks every intent of the log to index one batch.
    private const string IntentOf = $"""
        FROM audit_entries e CROSS JOIN audit_entries i
          ON i.exchange_id = e.exchange_id AND i.kind = '{AuditEntryKinds.Intent}'
        """;

    public const string TextSql = $"""
        INSERT OR REPLACE INTO audit_text (rowid, body)
        SELECT e.seq * 2, CAST(e.body AS TEXT) FROM audit_entries e
        WHERE e.seq BETWEEN @first AND @last AND e.body IS NOT NULL AND e.kind = '{AuditEntryKinds.Intent}'
        UNION ALL
        SELECT i.seq * 2 + 1, CAST(e.body AS TEXT) {IntentOf}
        WHERE e.seq BETWEEN @first AND @last AND e.body IS NOT NULL AND e.kind = '{AuditEntryKinds.Outcome}'
        """;

    public const string TagsSql = $"""
        INSERT OR IGNORE INTO audit_tags (tag, seq)
        SELECT 'group:' || g.value, e.seq FROM audit_entries e, json_each(CAST(e.payload AS TEXT), '$.identity.groups') g
        WHERE e.seq BETWEEN @first AND @last AND e.kind = '{AuditEntryKinds.Intent}'
        UNION ALL
        SELECT 'principal:' || p.value, e.seq FROM audit_entries e, json_each(CAST(e.payload AS TEXT), '$.identity.principals') p
        WHERE e.seq BETWEEN @first AND @last AND e.kind = '{AuditEntryKinds.Intent}'
        UNION ALL
        SELECT 'rule:' || r.value, e.seq FROM audit_entries e, json_each(CAST(e.payload AS TEXT), '$.rules') r
        WHERE e.seq BETWEEN @first AND @last AND e.kind = '{AuditEntryKinds.Intent}'
        UNION ALL
        SELECT 'decision:' || e.decision, e.seq FROM audit_entries e
        WHERE e.seq BETWEEN @first AND @last AND e.kind = '{AuditEntryKinds.Intent}' AND e.decision IS NOT NULL
        UNION ALL
        SELECT 'finding:' || json_extract(f.value, '$.category'), e.seq
        FROM audit_entries e, json_each(CAST(e.payload AS TEXT), '$.findings') f
        WHERE e.seq BETWEEN @first AND @last AND e.kind = '{AuditEntryKinds.Intent}'
        UNION ALL
        SELECT 'finding:' || json_extract(f.value, '$.category'), i.seq {IntentOf}, json_each(CAST(e.payload AS TEXT), '$.findings') f
        WHERE e.seq BETWEEN @first AND @last AND e.kind = '{AuditEntryKinds.Outcome}'
        UNION ALL
        SELECT 'status:' || e.status, i.seq {IntentOf}
        WHERE e.seq BETWEEN @first AND @last AND e.status IS NOT NULL
          AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}')
        """;
}
