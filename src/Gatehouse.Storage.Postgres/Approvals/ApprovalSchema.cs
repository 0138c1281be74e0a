namespace Gatehouse.Storage.Postgres.Approvals;

/// <summary>Schema step 4: approvals, grants and their reviews, with the embedded store's columns in its order.</summary>
/// <remarks>
/// <para>
/// The derived columns (requester, deadline, expires, ends) exist only for the partial indexes behind the hot lookups:
/// a retry's valid approval, the sweep of overdue requests, a subject's active grants. One review per reviewer is also
/// the reviews table's primary key, a second guard beneath the domain rule.
/// </para>
/// <para>
/// <c>rowid</c> (an identity, last) is the insertion order the embedded store gets from SQLite's implicit rowid: review
/// lists are newest first with ties broken by it, and the shared paging SQL names it on both providers.
/// </para>
/// </remarks>
internal static class ApprovalSchema
{
    public const int Version = 4;

    public const string Sql = """
        CREATE TABLE approvals (
            id text PRIMARY KEY,
            exchange_id text NOT NULL,
            digest text NOT NULL,
            requester text NOT NULL,
            requester_json text NOT NULL,
            connection text NOT NULL,
            rule text NOT NULL,
            reviewers_json text NOT NULL,
            timeout_ticks bigint NOT NULL,
            expiry_ticks bigint NOT NULL,
            hold text NOT NULL,
            justification text NOT NULL,
            created_ticks bigint NOT NULL,
            deadline_ticks bigint NOT NULL,
            state text NOT NULL,
            resolved_ticks bigint,
            expires_ticks bigint,
            version bigint NOT NULL,
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE);
        CREATE INDEX ix_approvals_valid ON approvals (digest, requester, expires_ticks) WHERE state = 'approved';
        CREATE INDEX ix_approvals_pending ON approvals (deadline_ticks) WHERE state = 'pending';
        CREATE INDEX ix_approvals_created ON approvals (created_ticks DESC, rowid DESC);
        CREATE TABLE grants (
            id text PRIMARY KEY,
            requester text NOT NULL,
            requester_json text NOT NULL,
            connection text NOT NULL,
            duration_ticks bigint NOT NULL,
            reason text NOT NULL,
            reviewers_json text NOT NULL,
            timeout_ticks bigint NOT NULL,
            created_ticks bigint NOT NULL,
            deadline_ticks bigint NOT NULL,
            state text NOT NULL,
            resolved_ticks bigint,
            ends_ticks bigint,
            revoked_ticks bigint,
            revoked_by text,
            version bigint NOT NULL,
            rowid bigint GENERATED ALWAYS AS IDENTITY UNIQUE);
        CREATE INDEX ix_grants_active ON grants (requester, ends_ticks) WHERE state = 'approved' AND revoked_ticks IS NULL;
        CREATE INDEX ix_grants_pending ON grants (deadline_ticks) WHERE state = 'pending';
        CREATE INDEX ix_grants_created ON grants (created_ticks DESC, rowid DESC);
        CREATE TABLE reviews (
            request_id text NOT NULL,
            reviewer text NOT NULL,
            decision text NOT NULL,
            justification text NOT NULL,
            at_ticks bigint NOT NULL,
            reviewer_name text,
            reviewer_email text,
            PRIMARY KEY (request_id, reviewer))
        """;
}
