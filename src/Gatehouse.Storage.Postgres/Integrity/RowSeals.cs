using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Relational.Integrity;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Integrity;

/// <summary>
/// Seals the rows outside the log into the hash chain: every change appends, in the same transaction, an entry carrying
/// the changed row's <see cref="RowHash"/> (the embedded store's rule and payload, so an auditor reads both alike).
/// </summary>
/// <remarks>
/// Keys are sealed by <c>key.created</c> and <c>key.revoked</c>, agent enrollment tokens by <c>agent.token.created</c>
/// and <c>agent.token.revoked</c>; approvals and grants by <c>row.sealed</c>, beside the
/// <c>approval.*</c> and <c>grant.*</c> entries the gateway writes.
/// </remarks>
internal static class RowSeals
{
    public const string ApiKeys = "api_keys";
    public const string Approvals = "approvals";
    public const string Grants = "grants";
    public const string AgentTokens = "agent_tokens";

    public const string KeyCreated = "key.created";
    public const string KeyRevoked = "key.revoked";
    public const string RowSealed = "row.sealed";
    public const string AgentTokenCreated = "agent.token.created";
    public const string AgentTokenRevoked = "agent.token.revoked";

    /// <summary>The sealed tables.</summary>
    public static readonly IReadOnlyList<string> Tables = [ApiKeys, Approvals, Grants, AgentTokens];

    /// <summary>The entry kinds that carry a seal.</summary>
    public static readonly IReadOnlyList<string> Kinds = [KeyCreated, KeyRevoked, RowSealed, AgentTokenCreated, AgentTokenRevoked];

    /// <summary>Returns <paramref name="table"/> when it is a sealed table; throws otherwise (it is spliced into SQL).</summary>
    public static string Checked(string table) =>
        Tables.Contains(table) ? table : throw new ArgumentOutOfRangeException(nameof(table), table, "not a sealed table");

    /// <summary>Builds the entry that seals row <paramref name="id"/> of <paramref name="table"/> as it is now in the transaction.</summary>
    public static async Task<AuditEntryDraft> SealAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string kind,
        string table,
        string id,
        DateTimeOffset at,
        Action<Utf8JsonWriter>? facts,
        string? subject,
        CancellationToken cancellationToken)
    {
        var hash = await RowHash.ComputeAsync(connection, transaction, table, id, cancellationToken).ConfigureAwait(false)
            ?? throw RowSealEntry.Missing(table, id);
        return RowSealEntry.Create(kind, table, id, at, hash, facts, subject);
    }
}
