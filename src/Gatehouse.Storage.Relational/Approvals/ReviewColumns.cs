using System.Data.Common;
using System.Text.Json;
using Gatehouse.Storage.Approvals;

namespace Gatehouse.Storage.Relational.Approvals;

/// <summary>The column encodings approvals and grants share: state, requester, review policy, times.</summary>
internal static class ReviewColumns
{
    public static string StateText(ReviewState state) => ReviewNames.State(state);

    public static ReviewState ParseState(string text) =>
        ReviewNames.TryParseState(text, out var state) ? state : throw new StoreUnavailableException(StoreFailure.Corrupt);

    public static string PrincipalJson(Principal principal) =>
        JsonSerializer.Serialize(principal, ReviewJsonContext.Default.Principal);

    public static Principal ParsePrincipal(string json) =>
        JsonSerializer.Deserialize(json, ReviewJsonContext.Default.Principal) ?? throw new StoreUnavailableException(StoreFailure.Corrupt);

    public static string PolicyJson(ReviewPolicy policy) =>
        JsonSerializer.Serialize(policy, ReviewJsonContext.Default.ReviewPolicy);

    public static ReviewPolicy ParsePolicy(string json) =>
        JsonSerializer.Deserialize(json, ReviewJsonContext.Default.ReviewPolicy) ?? throw new StoreUnavailableException(StoreFailure.Corrupt);

    public static long? Ticks(DateTimeOffset? time) => time?.UtcTicks;

    public static DateTimeOffset? OptionalTime(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : new DateTimeOffset(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DateTimeOffset Time(DbDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), TimeSpan.Zero);

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}
