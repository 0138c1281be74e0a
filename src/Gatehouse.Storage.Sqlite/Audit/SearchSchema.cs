using System.Globalization;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Schema step 4: the full-text index over masked prompts and responses, and the exchange tags.</summary>
/// <remarks>
/// <para>
/// <c>audit_text</c> is a contentless FTS5 table (the text lives once, in <c>audit_entries.body</c>) whose rowid is
/// twice the exchange's intent sequence for the prompt and one more for the response, so a match maps to its intent
/// with a shift, never a read of the log. With <c>contentless_delete=1</c> a row is removed by its rowid alone
/// (<c>DELETE FROM audit_text WHERE rowid IN (2*s, 2*s+1)</c> for the exchange whose intent is <c>s</c>), which is
/// what retention needs once it has dropped a body.
/// </para>
/// <para>
/// <c>audit_tags</c> holds the multi-valued filters the entry columns cannot (groups, rules, finding categories) and
/// the ones that live on the outcome (status), each keyed by the exchange's intent sequence so every filter selects
/// intents directly. Rows are removed by that sequence (<c>DELETE FROM audit_tags WHERE seq = ?</c>).
/// </para>
/// The step backfills both from the rows already written, with the same statements the append runs on each batch.
/// </remarks>
internal static class SearchSchema
{
    public const int Version = 4;

    public static readonly string Sql = $"""
        CREATE VIRTUAL TABLE IF NOT EXISTS audit_text USING fts5(
            body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
        CREATE TABLE IF NOT EXISTS audit_tags (
            tag TEXT NOT NULL,
            seq INTEGER NOT NULL,
            PRIMARY KEY (tag, seq)) WITHOUT ROWID;
        {Backfill(SearchIndex.TextSql)};
        {Backfill(SearchIndex.TagsSql)};
        """;

    private static string Backfill(string rangeSql)
        => rangeSql.Replace("@first", "1", StringComparison.Ordinal)
            .Replace("@last", long.MaxValue.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
