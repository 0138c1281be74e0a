using Gatehouse.Storage.Approvals;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>The <c>approvals</c> table.</summary>
internal sealed class ApprovalTable : IReviewTable<ApprovalRequest>
{
    public static readonly ApprovalTable Instance = new();

    public string Name => Integrity.RowSeals.Approvals;

    private const string Columns = """
        id, exchange_id, digest, requester_json, connection, rule, reviewers_json, timeout_ticks, expiry_ticks, hold,
        justification, created_ticks, state, resolved_ticks, version
        """;

    public Task<List<ApprovalRequest>> SelectAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken,
        int limit = 1000) =>
        ReviewRows.SelectWithReviewsAsync(
            connection,
            transaction,
            $"SELECT {Columns} FROM approvals WHERE {where} ORDER BY created_ticks DESC, rowid DESC LIMIT {limit.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
            bind,
            Read,
            static (row, reviews) => row with { Reviews = reviews },
            cancellationToken);

    public ApprovalRequest Apply(ApprovalRequest item, ReviewTransition transition) => item.Apply(transition);

    public async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, ApprovalRequest item, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, $"""
            INSERT INTO approvals ({Columns}, requester, deadline_ticks, expires_ticks)
            VALUES (@id, @exchange, @digest, @requester_json, @connection, @rule, @reviewers, @timeout, @expiry, @hold,
                    @justification, @created, @state, @resolved, @version, @requester, @deadline, @expires)
            """);
        var p = command.Parameters;
        p.AddWithValue("@exchange", item.ExchangeId);
        p.AddWithValue("@digest", item.ContentDigest.ToLowerInvariant());
        p.AddWithValue("@requester_json", ReviewColumns.PrincipalJson(item.Requester));
        p.AddWithValue("@requester", item.Requester.Id);
        p.AddWithValue("@connection", item.Connection);
        p.AddWithValue("@rule", item.RuleName);
        p.AddWithValue("@reviewers", ReviewColumns.PolicyJson(item.Reviewers));
        p.AddWithValue("@timeout", item.Timeout.Ticks);
        p.AddWithValue("@expiry", item.Expiry.Ticks);
        p.AddWithValue("@hold", item.Hold == HeldPart.Request ? "request" : "response");
        p.AddWithValue("@justification", item.Justification);
        p.AddWithValue("@created", item.CreatedAt.UtcTicks);
        p.AddWithValue("@deadline", ReviewProcess.DeadlineOf(item).UtcTicks);
        BindChange(p, item);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> UpdateAsync(
        SqliteConnection connection, SqliteTransaction transaction, ApprovalRequest before, ApprovalRequest after, CancellationToken cancellationToken)
    {
        using var command = ReviewColumns.Command(connection, transaction, """
            UPDATE approvals SET state = @state, resolved_ticks = @resolved, expires_ticks = @expires, version = @version
            WHERE id = @id AND version = @expected
            """);
        BindChange(command.Parameters, after);
        command.Parameters.AddWithValue("@expected", before.Version);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static void BindChange(SqliteParameterCollection p, ApprovalRequest item)
    {
        p.AddWithValue("@id", item.Id);
        p.AddWithValue("@state", ReviewColumns.StateText(item.State));
        p.AddWithValue("@resolved", ReviewColumns.Ticks(item.ResolvedAt));
        p.AddWithValue("@expires", ReviewColumns.Ticks(item.ExpiresAt));
        p.AddWithValue("@version", item.Version);
    }

    private static ApprovalRequest Read(SqliteDataReader reader) => new()
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
