using System.Data.Common;

namespace Gatehouse.Storage.Sqlite.Retention;

/// <summary>
/// Drops the search index's rows (schema step 4) when retention removes bodies or records, inside the same
/// transaction and before the entries change.
/// </summary>
/// <remarks>
/// The index holds prompt and response text; leaving its rows behind would keep exactly what retention promised to
/// delete. <c>@ids</c> is a JSON array of the exchange ids being changed; their intents still carry those ids when this
/// runs. A removed body takes its text rows (rowids <c>2*s</c> and <c>2*s+1</c> for the intent at <c>s</c>, see
/// <c>SearchSchema</c>); a tombstoned record also takes its filter tags, since nothing of it may be found any more.
/// </remarks>
internal static class RetentionSearchPurge
{
    private const string Intents =
        "SELECT seq FROM audit_entries WHERE kind = 'exchange.intent' AND exchange_id IN (SELECT value FROM json_each(@ids))";

    private const string TextSql =
        $"DELETE FROM audit_text WHERE rowid IN (SELECT 2 * seq FROM ({Intents}) UNION ALL SELECT 2 * seq + 1 FROM ({Intents}));";

    private const string TagsSql = $"DELETE FROM audit_tags WHERE seq IN ({Intents});";

    /// <summary>Runs the purge on <paramref name="ids"/>, a command in retention's transaction with <c>@ids</c> bound.</summary>
    public static async Task PurgeAsync(DbCommand ids, bool records, CancellationToken cancellationToken)
    {
        ids.CommandText = records ? TextSql + TagsSql : TextSql;
        await ids.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
