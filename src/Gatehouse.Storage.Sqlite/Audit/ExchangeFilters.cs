using System.Text;
using Gatehouse.Audit.Store;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Audit;

/// <summary>Turns an <see cref="ExchangeQuery"/> into the WHERE clauses of the search, every value a parameter.</summary>
/// <remarks>
/// Each filter narrows the intents (<c>i</c>) directly: columns of the intent, tags keyed by its sequence, and for
/// text, one full-text match per term over the stored parts, whose references carry the intent sequence of every
/// exchange that holds them (prompt or response), so each term may be in the prompt or the response. Bodies written
/// before parts (schema 7 and older) are matched in their own index, whose rowids are twice the intent sequence (plus
/// one for the response).
/// The requester scope is a clause like the others, so a page is never filtered after it is read.
/// </remarks>
internal static class ExchangeFilters
{
    public static void Add(SqliteCommand command, StringBuilder sql, ExchangeQuery query)
    {
        var parameters = command.Parameters;
        Equal(sql, parameters, "(i.subject = @user OR i.email = @user)", "@user", query.User);
        if (query.Requester is { } requester)
        {
            // An empty list matches nothing: a caller with no principal name has no exchange of their own.
            sql.Append(" AND i.seq IN (SELECT seq FROM audit_tags WHERE tag IN (SELECT 'principal:' || value FROM json_each(@requester)))");
            parameters.AddWithValue("@requester", System.Text.Json.JsonSerializer.Serialize([.. requester], Relational.Keys.GroupsJsonContext.Default.StringArray));
        }

        Equal(sql, parameters, "i.connection = @connection", "@connection", query.Connection);
        Equal(sql, parameters, "(i.model = @model OR o.model = @model)", "@model", query.Model);
        Tag(sql, parameters, "@group", "group:", query.Group);
        Tag(sql, parameters, "@rule", "rule:", query.Rule);
        Tag(sql, parameters, "@decision", "decision:", query.Decision);
        Tag(sql, parameters, "@finding", "finding:", query.FindingCategory);
        Tag(sql, parameters, "@status", "status:", query.Status?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Equal(sql, parameters, "i.time_ticks >= @from", "@from", query.From?.UtcTicks);
        Equal(sql, parameters, "i.time_ticks < @to", "@to", query.To?.UtcTicks);
        Equal(sql, parameters, "i.seq < @before", "@before", query.Before);
        if (query.Text is not null && SearchText.TryParse(query.Text, out var text, out _))
        {
            for (var i = 0; i < text.Terms.Count; i++)
            {
                var name = "@text" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                sql.Append(" AND (i.seq IN (SELECT r.exchange_seq FROM audit_entry_parts r WHERE r.part_id IN (SELECT rowid FROM audit_part_text WHERE audit_part_text MATCH ")
                    .Append(name).Append("))")
                    .Append(" OR i.seq IN (SELECT rowid >> 1 FROM audit_text WHERE audit_text MATCH ").Append(name)
                    .Append(query.Before is null ? "))" : " AND rowid < @before * 2))");
                parameters.AddWithValue(name, MatchExpression(text.Terms[i]));
            }
        }
    }

    /// <summary>Quotes a term as an FTS5 string, so none of its characters is query syntax.</summary>
    public static string MatchExpression(SearchTerm term)
        => "\"" + term.Text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" + (term.IsPrefix ? "*" : "");

    private static void Equal(StringBuilder sql, SqliteParameterCollection parameters, string clause, string name, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(clause);
            parameters.AddWithValue(name, value);
        }
    }

    private static void Tag(StringBuilder sql, SqliteParameterCollection parameters, string name, string prefix, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND i.seq IN (SELECT seq FROM audit_tags WHERE tag = ").Append(name).Append(')');
            parameters.AddWithValue(name, prefix + value);
        }
    }
}
