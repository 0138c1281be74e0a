using System.Data.Common;
using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Database;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>The <c>approvals</c> table.</summary>
/// <remarks>
/// The derived columns (requester, deadline, expires) exist for the partial indexes behind the hot lookups: a retry's
/// valid approval and the sweep of overdue requests.
/// </remarks>
internal sealed class ApprovalTable : IReviewTable<ApprovalRequest>
{
    public const string TableName = "approvals";

    public static readonly ApprovalTable Instance = new();

    private const string Columns = """
        id, exchange_id, digest, requester_json, connection, rule, reviewers_json, timeout_ticks, expiry_ticks, hold,
        justification, created_ticks, state, resolved_ticks, version
        """;

    public string Name => TableName;

    public Task<List<ApprovalRequest>> SelectAsync(
        IRelationalDatabase database, DbConnection connection, DbTransaction? transaction, ReviewQuery query, CancellationToken cancellationToken) =>
        ReviewRows.SelectWithReviewsAsync(
            database, connection, transaction, Columns, TableName, query, Read, static (row, reviews) => row with { Reviews = reviews }, cancellationToken);

    public ApprovalRequest Apply(ApprovalRequest item, ReviewTransition transition) => item.Apply(transition);

    public async Task InsertAsync(DbConnection connection, DbTransaction transaction, ApprovalRequest item, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, $"""
            INSERT INTO approvals ({Columns}, requester, deadline_ticks, expires_ticks)
            VALUES (@id, @exchange, @digest, @requester_json, @connection, @rule, @reviewers, @timeout, @expiry, @hold,
                    @justification, @created, @state, @resolved, @version, @requester, @deadline, @expires)
            """);
        command.Add("@exchange", item.ExchangeId);
        command.Add("@digest", item.ContentDigest.ToLowerInvariant());
        command.Add("@requester_json", ReviewColumns.PrincipalJson(item.Requester));
        command.Add("@requester", item.Requester.Id);
        command.Add("@connection", item.Connection);
        command.Add("@rule", item.RuleName);
        command.Add("@reviewers", ReviewColumns.PolicyJson(item.Reviewers));
        command.Add("@timeout", item.Timeout.Ticks);
        command.Add("@expiry", item.Expiry.Ticks);
        command.Add("@hold", item.Hold == HeldPart.Request ? "request" : "response");
        command.Add("@justification", item.Justification);
        command.Add("@created", item.CreatedAt.UtcTicks);
        command.Add("@deadline", ReviewProcess.DeadlineOf(item).UtcTicks);
        BindChange(command, item);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UpdateAsync(
        DbConnection connection, DbTransaction transaction, ApprovalRequest before, ApprovalRequest after, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, """
            UPDATE approvals SET state = @state, resolved_ticks = @resolved, expires_ticks = @expires, version = @version
            WHERE id = @id AND version = @expected
            """);
        BindChange(command, after);
        command.Add("@expected", before.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void BindChange(DbCommand command, ApprovalRequest item)
    {
        command.Add("@id", item.Id);
        command.Add("@state", ReviewColumns.StateText(item.State));
        command.Add("@resolved", ReviewColumns.Ticks(item.ResolvedAt));
        command.Add("@expires", ReviewColumns.Ticks(item.ExpiresAt));
        command.Add("@version", item.Version);
    }

    private static ApprovalRequest Read(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        ExchangeId = reader.GetString(1),
        ContentDigest = reader.GetString(2),
        Requester = ReviewColumns.ParsePrincipal(reader.GetString(3)),
        Connection = reader.GetString(4),
        RuleName = reader.GetString(5),
        Reviewers = ReviewColumns.ParsePolicy(reader.GetString(6)),
        Timeout = TimeSpan.FromTicks(reader.GetInt64(7)),
        Expiry = TimeSpan.FromTicks(reader.GetInt64(8)),
        Hold = reader.GetString(9) == "request" ? HeldPart.Request : HeldPart.Response,
        Justification = reader.GetString(10),
        CreatedAt = ReviewColumns.Time(reader, 11),
        State = ReviewColumns.ParseState(reader.GetString(12)),
        ResolvedAt = ReviewColumns.OptionalTime(reader, 13),
        Version = reader.GetInt64(14),
    };
}
