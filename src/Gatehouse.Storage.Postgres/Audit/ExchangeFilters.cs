using System.Globalization;
using System.Text;
using Gatehouse.Audit.Store;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Audit;

/// <summary>Turns an <see cref="ExchangeQuery"/> into the WHERE clauses of the search, every value a parameter.</summary>
/// <remarks>
/// The same filters as the embedded store: columns of the intent (<c>i</c>), tags keyed by its sequence, and for text
/// one full-text match per term over the stored parts of the exchange (prompt or response) or an inline body. Text is
/// matched with PostgreSQL's <c>simple</c> configuration (lower-cased words, no stemming), computed at query time:
/// correct, and a scan of the parts; an indexed text column is future work (docs/designs/postgres-store.md).
/// </remarks>
internal static class ExchangeFilters
{
    private const string Vector = "to_tsvector('simple', convert_from({0}, 'UTF8'))";

    public static void Add(NpgsqlCommand command, StringBuilder sql, ExchangeQuery query)
    {
        var parameters = command.Parameters;
        Equal(sql, parameters, "(i.subject = @user OR i.email = @user)", "user", query.User);
        if (query.Requester is { } requester)
        {
            // An empty list matches nothing: a caller with no principal name has no exchange of their own.
            sql.Append(" AND i.seq IN (SELECT seq FROM audit_tags WHERE tag = ANY(@requester))");
            parameters.AddWithValue("requester", requester.Select(p => "principal:" + p).ToArray());
        }

        Equal(sql, parameters, "i.connection = @connection", "connection", query.Connection);
        Equal(sql, parameters, "(i.model = @model OR o.model = @model)", "model", query.Model);
        Tag(sql, parameters, "tag_group", "group:", query.Group);
        Tag(sql, parameters, "tag_rule", "rule:", query.Rule);
        Tag(sql, parameters, "tag_decision", "decision:", query.Decision);
        Tag(sql, parameters, "tag_finding", "finding:", query.FindingCategory);
        Tag(sql, parameters, "tag_status", "status:", query.Status?.ToString(CultureInfo.InvariantCulture));
        Equal(sql, parameters, "i.time_ticks >= @from", "from", query.From?.UtcTicks);
        Equal(sql, parameters, "i.time_ticks < @to", "to", query.To?.UtcTicks);
        Equal(sql, parameters, "i.seq < @before", "before", query.Before);
        if (query.Text is not null && SearchText.TryParse(query.Text, out var text, out _))
        {
            for (var i = 0; i < text.Terms.Count; i++)
            {
                var name = "text" + i.ToString(CultureInfo.InvariantCulture);
                sql.Append(" AND (i.seq IN (SELECT r.exchange_seq FROM audit_entry_parts r JOIN audit_parts p ON p.id = r.part_id WHERE ")
                    .Append(CultureInfo.InvariantCulture, $"{string.Format(CultureInfo.InvariantCulture, Vector, "p.body")} @@ to_tsquery('simple', @{name}))")
                    .Append(CultureInfo.InvariantCulture, $" OR (i.body IS NOT NULL AND {string.Format(CultureInfo.InvariantCulture, Vector, "i.body")} @@ to_tsquery('simple', @{name}))")
                    .Append(CultureInfo.InvariantCulture, $" OR (o.body IS NOT NULL AND {string.Format(CultureInfo.InvariantCulture, Vector, "o.body")} @@ to_tsquery('simple', @{name})))");
                parameters.AddWithValue(name, Query(text.Terms[i]));
            }
        }
    }

    /// <summary>Writes a term as a tsquery of quoted words in sequence, so none of its characters is query syntax.</summary>
    public static string Query(SearchTerm term)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in term.Text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else if (word.Length > 0)
            {
                words.Add("'" + word + "'");
                word.Clear();
            }
        }

        if (words.Count == 0)
        {
            return "''";
        }

        if (term.IsPrefix)
        {
            words[^1] += ":*";
        }

        return string.Join(" <-> ", words);
    }

    private static void Equal(StringBuilder sql, NpgsqlParameterCollection parameters, string clause, string name, object? value)
    {
        if (value is not null)
        {
            sql.Append(" AND ").Append(clause);
            parameters.AddWithValue(name, value);
        }
    }

    private static void Tag(StringBuilder sql, NpgsqlParameterCollection parameters, string name, string prefix, string? value)
    {
        if (value is not null)
        {
            sql.Append(" AND i.seq IN (SELECT seq FROM audit_tags WHERE tag = @").Append(name).Append(')');
            parameters.AddWithValue(name, prefix + value);
        }
    }
}
