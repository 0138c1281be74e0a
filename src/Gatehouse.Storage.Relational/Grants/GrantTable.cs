using System.Data.Common;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Grants;
using Gatehouse.Storage.Relational.Approvals;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Grants;

/// <summary>The <c>grants</c> table.</summary>
/// <remarks>The derived columns (requester, deadline, ends) exist for the partial indexes: a subject's active grants, the sweep.</remarks>
internal sealed class GrantTable : IReviewTable<AccessGrant>
{
    public const string TableName = "grants";

    public static readonly GrantTable Instance = new();

    private const string Columns = """
        id, requester_json, connection, duration_ticks, reason, reviewers_json, timeout_ticks, created_ticks, state,
        resolved_ticks, revoked_ticks, revoked_by, version
        """;

    public string Name => TableName;

    public Task<List<AccessGrant>> SelectAsync(
        IRelationalDatabase database, DbConnection connection, DbTransaction? transaction, ReviewQuery query, CancellationToken cancellationToken) =>
        ReviewRows.SelectWithReviewsAsync(
            database, connection, transaction, Columns, TableName, query, Read, static (row, reviews) => row with { Reviews = reviews }, cancellationToken);

    public AccessGrant Apply(AccessGrant item, ReviewTransition transition) => item.Apply(transition);

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, AccessGrant item, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, $"""
            INSERT INTO grants ({Columns}, requester, deadline_ticks, ends_ticks)
            VALUES (@id, @requester_json, @connection, @duration, @reason, @reviewers, @timeout, @created, @state,
                    @resolved, @revoked, @revoked_by, @version, @requester, @deadline, @ends)
            """);
        command.Add("@requester_json", ReviewColumns.PrincipalJson(item.Requester));
        command.Add("@requester", item.Requester.Id);
        command.Add("@connection", item.Connection);
        command.Add("@duration", item.Duration.Ticks);
        command.Add("@reason", item.Reason);
        command.Add("@reviewers", ReviewColumns.PolicyJson(item.Reviewers));
        command.Add("@timeout", item.Timeout.Ticks);
        command.Add("@created", item.CreatedAt.UtcTicks);
        command.Add("@deadline", ReviewProcess.DeadlineOf(item).UtcTicks);
        BindChange(command, item);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UpdateAsync(
        DbConnection connection, DbTransaction transaction, AccessGrant before, AccessGrant after, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, """
            UPDATE grants SET state = @state, resolved_ticks = @resolved, ends_ticks = @ends, revoked_ticks = @revoked,
                revoked_by = @revoked_by, version = @version
            WHERE id = @id AND version = @expected
            """);
        BindChange(command, after);
        command.Add("@expected", before.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void BindChange(DbCommand command, AccessGrant item)
    {
        command.Add("@id", item.Id);
        command.Add("@state", ReviewColumns.StateText(item.State));
        command.Add("@resolved", ReviewColumns.Ticks(item.ResolvedAt));
        command.Add("@ends", ReviewColumns.Ticks(item.EndsAt));
        command.Add("@revoked", ReviewColumns.Ticks(item.RevokedAt));
        command.Add("@revoked_by", item.RevokedBy);
        command.Add("@version", item.Version);
    }

    private static AccessGrant Read(DbDataReader reader) => new()
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
