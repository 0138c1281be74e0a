using System.Data.Common;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Retention;

namespace Gatehouse.Storage.Postgres.Retention;

/// <summary>
/// What the PostgreSQL store keeps beside retained entries: the search tags of a tombstoned record, the part references
/// of every changed exchange, and each part no entry refers to any more.
/// </summary>
/// <remarks>
/// Text search reads the parts at query time, so a body whose parts are gone is no longer found; there is no separate
/// text index to purge. A part shared with an exchange that is kept keeps its references and survives. Retention holds
/// the head's lock, so no append can refer to a part between its last reference going and the part being deleted.
/// </remarks>
internal sealed class PostgresRetentionPurge : IRetentionPurge
{
    public static readonly PostgresRetentionPurge Instance = new();

    private const string Entries = "SELECT seq FROM audit_entries WHERE exchange_id = ANY(@ids)";

    private const string TagsSql = $"DELETE FROM audit_tags WHERE seq IN (SELECT seq FROM audit_entries WHERE kind = '{AuditEntryKinds.Intent}' AND exchange_id = ANY(@ids))";

    private const string CountSql = $"SELECT count(DISTINCT seq) FROM audit_entry_parts WHERE seq IN ({Entries})";

    private const string DropReferencesSql = $"DELETE FROM audit_entry_parts WHERE seq IN ({Entries}) RETURNING part_id";

    private const string DropOrphansSql = """
        DELETE FROM audit_parts p WHERE p.id = ANY(@parts) AND NOT EXISTS (SELECT 1 FROM audit_entry_parts r WHERE r.part_id = p.id)
        """;

    public async Task<long> PurgeAsync(DbCommand ids, bool records, CancellationToken cancellationToken)
    {
        if (records)
        {
            ids.CommandText = TagsSql;
            await ids.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        ids.CommandText = CountSql;
        var bodies = (long)(await ids.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        ids.CommandText = DropReferencesSql;
        var parts = new HashSet<long>();
        using (var reader = await ids.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                parts.Add(reader.GetInt64(0));
            }
        }

        if (parts.Count > 0)
        {
            using var orphans = ids.Connection!.CreateCommand();
            orphans.Transaction = ids.Transaction;
            orphans.CommandText = DropOrphansSql;
            orphans.Add("@parts", parts.ToArray());
            await orphans.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return bodies;
    }
}
