using Gatehouse.Storage.Approvals;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>The <c>reviews</c> table, shared by approvals and grants (their ids never collide: <c>apr_</c>, <c>grt_</c>).</summary>
internal static class ReviewRows
{
    /// <summary>Runs <paramref name="sql"/>, reads each row with <paramref name="read"/>, then attaches its reviews.</summary>
    public static async Task<List<T>> SelectWithReviewsAsync<T>(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string sql,
        Action<SqliteParameterCollection> bind,
        Func<SqliteDataReader, T> read,
        Func<T, List<Review>, T> attach,
        CancellationToken cancellationToken)
        where T : class, IReviewable
    {
        var rows = new List<T>();
        using (var command = ReviewColumns.Command(connection, transaction, sql))
        {
            bind(command.Parameters);
            using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(read(reader));
            }
        }

        var reviews = await ReadAsync(connection, transaction, [.. rows.Select(r => r.Id)], cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => reviews.TryGetValue(r.Id, out var list) ? attach(r, list) : r);
    }

    /// <summary>Reads the reviews of <paramref name="ids"/>, oldest first per request.</summary>
    public static async Task<Dictionary<string, List<Review>>> ReadAsync(
        SqliteConnection connection, SqliteTransaction? transaction, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var reviews = new Dictionary<string, List<Review>>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return reviews;
        }

        using var command = ReviewColumns.Command(connection, transaction, """
            SELECT request_id, reviewer, decision, justification, at_ticks, reviewer_name, reviewer_email FROM reviews
            WHERE request_id IN (SELECT value FROM json_each(@ids)) ORDER BY at_ticks, reviewer
            """);
        command.Parameters.AddWithValue("@ids", System.Text.Json.JsonSerializer.Serialize(ids.ToArray(), Relational.Keys.GroupsJsonContext.Default.StringArray));
        using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var decision = reader.GetString(2) == "approve" ? ReviewDecision.Approve : ReviewDecision.Reject;
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
        SqliteConnection connection, SqliteTransaction transaction, string id, IReadOnlyList<Review> after, int known, CancellationToken cancellationToken)
    {
        for (var i = known; i < after.Count; i++)
        {
            using var command = ReviewColumns.Command(connection, transaction, """
                INSERT INTO reviews (request_id, reviewer, decision, justification, at_ticks, reviewer_name, reviewer_email)
                VALUES (@id, @reviewer, @decision, @justification, @at, @name, @email)
                """);
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@reviewer", after[i].Reviewer);
            command.Parameters.AddWithValue("@decision", after[i].Decision == ReviewDecision.Approve ? "approve" : "reject");
            command.Parameters.AddWithValue("@justification", after[i].Justification);
            command.Parameters.AddWithValue("@at", after[i].At.UtcTicks);
            command.Parameters.AddWithValue("@name", (object?)after[i].ReviewerName ?? DBNull.Value);
            command.Parameters.AddWithValue("@email", (object?)after[i].ReviewerEmail ?? DBNull.Value);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
