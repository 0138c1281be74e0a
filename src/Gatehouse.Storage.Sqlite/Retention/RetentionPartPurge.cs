using System.Data.Common;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>
/// Drops the part references of exchanges whose bodies or records retention removes, and every part (with its text
/// index row) that no entry refers to any more, inside retention's transaction.
/// </summary>
/// <remarks>
/// A part shared with an exchange that is kept (younger, on another connection, or under a legal hold) keeps its
/// references and so survives; it goes with the last entry that refers to it. The entries keep their body hash (the
/// manifest hash over their parts' hashes), so the chain, checkpoints and proofs still verify. Index rows exist only
/// below the indexer's cursor; a part above it was never indexed.
/// </remarks>
internal static class RetentionPartPurge
{
    private const string Entries =
        "SELECT seq FROM audit_entries WHERE exchange_id IN (SELECT value FROM json_each(@ids))";

    private const string PurgeSql = $"""
        CREATE TEMP TABLE IF NOT EXISTS retention_parts (id INTEGER PRIMARY KEY);
        DELETE FROM temp.retention_parts;
        INSERT OR IGNORE INTO temp.retention_parts (id) SELECT part_id FROM audit_entry_parts WHERE seq IN ({Entries});
        DELETE FROM audit_entry_parts WHERE seq IN ({Entries});
        DELETE FROM temp.retention_parts WHERE EXISTS (SELECT 1 FROM audit_entry_parts r WHERE r.part_id = retention_parts.id);
        DELETE FROM audit_part_text WHERE rowid IN (SELECT id FROM temp.retention_parts)
            AND rowid <= (SELECT position FROM audit_index_cursor WHERE name = 'parts');
        DELETE FROM audit_parts WHERE id IN (SELECT id FROM temp.retention_parts);
        DELETE FROM temp.retention_parts;
        """;

    private const string CountSql = $"SELECT count(DISTINCT seq) FROM audit_entry_parts WHERE seq IN ({Entries})";

    /// <summary>Purges the parts of the exchanges bound to <c>@ids</c> of <paramref name="command"/>; returns how many entries had a body in parts.</summary>
    public static async Task<long> PurgeAsync(DbCommand command, CancellationToken cancellationToken)
    {
        command.CommandText = CountSql;
        var bodies = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        command.CommandText = PurgeSql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return bodies;
    }
}
