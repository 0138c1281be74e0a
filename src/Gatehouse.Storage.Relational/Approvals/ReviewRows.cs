using System.Data.Common;
using System.Globalization;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>The <c>reviews</c> table, shared by approvals and grants (their ids never collide: <c>apr_</c>, <c>grt_</c>).</summary>
internal static class ReviewRows
{
    /// <summary>
    /// Selects <paramref name="columns"/> of the rows of <paramref name="table"/> <paramref name="query"/> asks for, newest first (ties
    /// by insertion order, <c>rowid</c>), reads each row with <paramref name="read"/>, then attaches its reviews.
    /// </summary>
    public static async Task<List<T>> SelectWithReviewsAsync<T>(
        IRelationalDatabase database,
        DbConnection connection,
        DbTransaction? transaction,
        string columns,
        string table,
        ReviewQuery query,
        Func<DbDataReader, T> read,
        Func<T, List<Review>, T> attach,
        CancellationToken cancellationToken)
        where T : class, IReviewable
    {
        var sql = $"SELECT {columns} FROM {table} WHERE {query.Where} ORDER BY created_ticks DESC, rowid DESC LIMIT "
            + query.Limit.ToString(CultureInfo.InvariantCulture) + (query.LockRows ? database.LockRows : "");
        var rows = new List<T>();
        using (var command = ReviewColumns.Command(connection, transaction, sql))
        {
            query.Bind(command);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
        }

        var reviews = await ReadAsync(database, connection, transaction, [.. rows.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => reviews.TryGetValue(r.Id, out var list) ? attach(r, list) : r);
    }

    /// <summary>Reads the reviews of <paramref name="ids"/>, oldest first per request.</summary>
    public static async Task<Dictionary<string, List<Review>>> ReadAsync(
        IRelationalDatabase database, DbConnection connection, DbTransaction? transaction, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var reviews = new Dictionary<string, List<Review>>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return reviews;
        }

        using var command = ReviewColumns.Command(connection, transaction, $"""
            SELECT request_id, reviewer, decision, justification, at_ticks, reviewer_name, reviewer_email FROM reviews
            WHERE request_id IN {database.TextSet("@ids")} ORDER BY at_ticks, reviewer
            """);
        command.Add("@ids", database.TextSetValue(ids));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var decision = ReviewNames.TryParseDecision(reader.GetString(2), out var read) ? read : ReviewDecision.Reject;
            var review = new Review(reader.GetString(1), decision, reader.GetString(3), ReviewColumns.Time(reader, 4))
            {
                ReviewerName = reader.IsDBNull(5) ? null : reader.GetString(5),
                ReviewerEmail = reader.IsDBNull(6) ? null : reader.GetString(6),
            };
            var id = reader.GetString(0);
            if (!reviews.TryGetValue(id, out var list))
            {
                reviews[id] = list = [];
            }

            list.Add(review);
        }

        return reviews;
    }

    /// <summary>Inserts the reviews that <paramref name="after"/> has beyond the first <paramref name="known"/>.</summary>
    public static async Task InsertNewAsync(
        DbConnection connection, DbTransaction transaction, string id, IReadOnlyList<Review> after, int known, CancellationToken cancellationToken)
    {
        for (var i = known; i < after.Count; i++)
        {
            using var command = ReviewColumns.Command(connection, transaction, """
                INSERT INTO reviews (request_id, reviewer, decision, justification, at_ticks, reviewer_name, reviewer_email)
                VALUES (@id, @reviewer, @decision, @justification, @at, @name, @email)
                """);
            command.Add("@id", id);
            command.Add("@reviewer", after[i].Reviewer);
            command.Add("@decision", ReviewNames.Decision(after[i].Decision));
            command.Add("@justification", after[i].Justification);
            command.Add("@at", after[i].At.UtcTicks);
            command.Add("@name", after[i].ReviewerName);
            command.Add("@email", after[i].ReviewerEmail);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
