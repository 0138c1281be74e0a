namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>Schema step 3: approvals, grants and their reviews.</summary>
/// <remarks>
/// Written with IF NOT EXISTS so the step applies on top of whichever earlier version the file has. The derived
/// columns (requester, deadline, expires, ends) exist only for the partial indexes behind the hot lookups: a retry's
/// valid approval, the sweep of overdue requests, a subject's active grants. One review per reviewer is also the
/// reviews table's primary key, a second guard beneath the domain rule.
/// </remarks>
internal static class ApprovalSchema
{
    public const int Version = 3;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS approvals (
            id TEXT PRIMARY KEY,
            exchange_id TEXT NOT NULL,
            digest TEXT NOT NULL,
            requester TEXT NOT NULL,
            requester_json TEXT NOT NULL,
            connection TEXT NOT NULL,
            rule TEXT NOT NULL,
            reviewers_json TEXT NOT NULL,
            timeout_ticks INTEGER NOT NULL,
            expiry_ticks INTEGER NOT NULL,
            hold TEXT NOT NULL,
            justification TEXT NOT NULL,
            created_ticks INTEGER NOT NULL,
            deadline_ticks INTEGER NOT NULL,
            state TEXT NOT NULL,
            resolved_ticks INTEGER,
            expires_ticks INTEGER,
            version INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_approvals_valid ON approvals (digest, requester, expires_ticks) WHERE state = 'approved';
        CREATE INDEX IF NOT EXISTS ix_approvals_pending ON approvals (deadline_ticks) WHERE state = 'pending';
        CREATE TABLE IF NOT EXISTS grants (
            id TEXT PRIMARY KEY,
            requester TEXT NOT NULL,
            requester_json TEXT NOT NULL,
            connection TEXT NOT NULL,
            duration_ticks INTEGER NOT NULL,
            reason TEXT NOT NULL,
            reviewers_json TEXT NOT NULL,
            timeout_ticks INTEGER NOT NULL,
            created_ticks INTEGER NOT NULL,
            deadline_ticks INTEGER NOT NULL,
            state TEXT NOT NULL,
            resolved_ticks INTEGER,
            ends_ticks INTEGER,
            revoked_ticks INTEGER,
            revoked_by TEXT,
            version INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_grants_active ON grants (requester, ends_ticks) WHERE state = 'approved' AND revoked_ticks IS NULL;
        CREATE INDEX IF NOT EXISTS ix_grants_pending ON grants (deadline_ticks) WHERE state = 'pending';
        CREATE TABLE IF NOT EXISTS reviews (
            request_id TEXT NOT NULL,
            reviewer TEXT NOT NULL,
            decision TEXT NOT NULL,
            justification TEXT NOT NULL,
            at_ticks INTEGER NOT NULL,
            PRIMARY KEY (request_id, reviewer)) WITHOUT ROWID;
        """;
}
