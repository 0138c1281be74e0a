using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Sqlite.Approvals;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Grants;

/// <summary>The <c>grants</c> table.</summary>
internal sealed class GrantTable : IReviewTable<AccessGrant>
{
    public static readonly GrantTable Instance = new();

    public string Name => Integrity.RowSeals.Grants;

    private const string Columns = """
        id, requester_json, connection, duration_ticks, reason, reviewers_json, timeout_ticks, created_ticks, state,
        resolved_ticks, revoked_ticks, revoked_by, version
        """;

    public Task<List<AccessGrant>> SelectAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken,
        int limit = 1000) =>
        ReviewRows.SelectWithReviewsAsync(
            connection,
            transaction,
            $"SELECT {Columns} FROM grants WHERE {where} ORDER BY created_ticks DESC, rowid DESC LIMIT {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            bind,
            Read,
            static (row, reviews) => row with { Reviews = reviews },
            cancellationToken);

    public AccessGrant Apply(AccessGrant item, ReviewTransition transition) => item.Apply(transition);

    public async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, AccessGrant item, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, $"""
            INSERT INTO grants ({Columns}, requester, deadline_ticks, ends_ticks)
            VALUES (@id, @requester_json, @connection, @duration, @reason, @reviewers, @timeout, @created, @state,
                    @resolved, @revoked, @revoked_by, @version, @requester, @deadline, @ends)
            """);
        var p = command.Parameters;
        p.AddWithValue("@requester_json", ReviewColumns.PrincipalJson(item.Requester));
        p.AddWithValue("@requester", item.Requester.Id);
        p.AddWithValue("@connection", item.Connection);
        p.AddWithValue("@duration", item.Duration.Ticks);
        p.AddWithValue("@reason", item.Reason);
        p.AddWithValue("@reviewers", ReviewColumns.PolicyJson(item.Reviewers));
        p.AddWithValue("@timeout", item.Timeout.Ticks);
        p.AddWithValue("@created", item.CreatedAt.UtcTicks);
        p.AddWithValue("@deadline", ReviewProcess.DeadlineOf(item).UtcTicks);
        BindChange(p, item);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UpdateAsync(
        SqliteConnection connection, SqliteTransaction transaction, AccessGrant before, AccessGrant after, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, """
            UPDATE grants SET state = @state, resolved_ticks = @resolved, ends_ticks = @ends, revoked_ticks = @revoked,
                revoked_by = @revoked_by, version = @version
            WHERE id = @id AND version = @expected
            """);
        BindChange(command.Parameters, after);
        command.Parameters.AddWithValue("@expected", before.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void BindChange(SqliteParameterCollection p, AccessGrant item)
    {
        p.AddWithValue("@id", item.Id);
        p.AddWithValue("@state", ReviewColumns.StateText(item.State));
        p.AddWithValue("@resolved", ReviewColumns.Ticks(item.ResolvedAt));
        p.AddWithValue("@ends", ReviewColumns.Ticks(item.EndsAt));
        p.AddWithValue("@revoked", ReviewColumns.Ticks(item.RevokedAt));
        p.AddWithValue("@revoked_by", (object?)item.RevokedBy ?? DBNull.Value);
        p.AddWithValue("@version", item.Version);
    }

    private static AccessGrant Read(SqliteDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Requester = ReviewColumns.ParsePrincipal(reader.GetString(1)),
        Connection = reader.GetString(2),
        Duration = TimeSpan.FromTicks(reader.GetInt64(3)),
        Reason = reader.GetString(4),
        Reviewers = ReviewColumns.ParsePolicy(reader.GetString(5)),
        Timeout = TimeSpan.FromTicks(reader.GetInt64(6)),
        CreatedAt = ReviewColumns.Time(reader, 7),
        State = ReviewColumns.ParseState(reader.GetString(8)),
        ResolvedAt = ReviewColumns.OptionalTime(reader, 9),
        RevokedAt = ReviewColumns.OptionalTime(reader, 10),
        RevokedBy = reader.IsDBNull(11) ? null : reader.GetString(11),
        Version = reader.GetInt64(12),
    };
}
