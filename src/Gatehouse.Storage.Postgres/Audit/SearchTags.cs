using Gatehouse.Audit.Chain;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Tags a range of just-appended entries for search, inside the append's transaction (as the embedded store does).</summary>
internal static class SearchTags
{
    private const string Json = "convert_from(e.payload, 'UTF8')::jsonb";

    private const string IntentOf = $"""
        FROM audit_entries e JOIN audit_entries i ON i.exchange_id = e.exchange_id AND i.kind = '{AuditEntryKinds.Intent}'
        """;

    private const string Batch = "e.seq BETWEEN @first AND @last";

    public static readonly string Sql = $"""
        INSERT INTO audit_tags (tag, seq)
        SELECT tag, seq FROM (
            SELECT 'group:' || g AS tag, e.seq FROM audit_entries e, jsonb_array_elements_text({Array("'{identity,groups}'")}) g
            WHERE {Batch} AND e.kind = '{AuditEntryKinds.Intent}'
            UNION ALL
            SELECT 'principal:' || p, e.seq FROM audit_entries e, jsonb_array_elements_text({Array("'{identity,principals}'")}) p
            WHERE {Batch} AND e.kind = '{AuditEntryKinds.Intent}'
            UNION ALL
            SELECT 'rule:' || r, e.seq FROM audit_entries e, jsonb_array_elements_text({Array("'{rules}'")}) r
            WHERE {Batch} AND e.kind = '{AuditEntryKinds.Intent}'
            UNION ALL
            SELECT 'decision:' || e.decision, e.seq FROM audit_entries e
            WHERE {Batch} AND e.kind = '{AuditEntryKinds.Intent}' AND e.decision IS NOT NULL
            UNION ALL
            SELECT 'finding:' || (f ->> 'category'), e.seq FROM audit_entries e, jsonb_array_elements({Array("'{findings}'")}) f
            WHERE {Batch} AND e.kind = '{AuditEntryKinds.Intent}'
            UNION ALL
            SELECT 'finding:' || (f ->> 'category'), i.seq {IntentOf}, jsonb_array_elements({Array("'{findings}'")}) f
            WHERE {Batch} AND e.kind = '{AuditEntryKinds.Outcome}'
            UNION ALL
            SELECT 'status:' || e.status, i.seq {IntentOf}
            WHERE {Batch} AND e.status IS NOT NULL
              AND e.kind IN ('{AuditEntryKinds.Outcome}', '{AuditEntryKinds.Interrupted}')) t
        WHERE tag IS NOT NULL
        ON CONFLICT DO NOTHING
        """;

    // A path that is missing, null or not an array yields no element (rather than an error).
    private static string Array(string path) =>
        $"CASE WHEN jsonb_typeof({Json} #> {path}) = 'array' THEN {Json} #> {path} ELSE '[]'::jsonb END";
}
