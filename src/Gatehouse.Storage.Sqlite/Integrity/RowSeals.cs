using System.Text.Json;
using Gatehouse.Audit.Chain;
using Gatehouse.Storage.Sqlite.Audit;
using Gatehouse.Storage.Relational.Integrity;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.Integrity;

/// <summary>
/// Seals the rows outside the log (API keys, approvals, grants, agent tokens) into the hash chain: every change appends, in the
/// same transaction, an entry carrying the changed row's <see cref="RowHash"/>.
/// </summary>
/// <remarks>
/// The chain proves the entries were not edited; <see cref="Relational.Integrity.RowSealVerifier"/> then proves each row still hashes to
/// its last seal. Editing, inserting or deleting a row behind the gateway's back leaves a row with no matching seal.
/// Keys are sealed by <c>key.created</c> and <c>key.revoked</c>, agent enrollment tokens by <c>agent.token.created</c> and
/// <c>agent.token.revoked</c>, which are also the audit record of those changes;
/// approvals and grants by <c>row.sealed</c>, beside the <c>approval.*</c> and <c>grant.*</c> entries the gateway writes.
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

    /// <summary>The tables sealed since schema step 7, whose rows that step's upgrade adopted; later tables start sealed.</summary>
    public static readonly IReadOnlyList<string> AdoptedTables = [ApiKeys, Approvals, Grants];

    /// <summary>The entry kinds that carry a seal.</summary>
    public static readonly IReadOnlyList<string> Kinds = [KeyCreated, KeyRevoked, RowSealed, AgentTokenCreated, AgentTokenRevoked];

    /// <summary>Returns <paramref name="table"/> when it is a sealed table; throws otherwise (it is spliced into SQL).</summary>
    public static string Checked(string table) =>
        Tables.Contains(table) ? table : throw new ArgumentOutOfRangeException(nameof(table), table, "not a sealed table");

    /// <summary>Builds the entry that seals row <paramref name="id"/> of <paramref name="table"/> as it is now in the transaction.</summary>
    /// <remarks>
    /// <c>facts</c> writes further payload members (never a secret) before the hash; <c>subject</c> goes to the
    /// entry's index, so a search by user finds the change.
    /// </remarks>
    public static AuditEntryDraft Seal(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string kind,
        string table,
        string id,
        DateTimeOffset at,
        Action<Utf8JsonWriter>? facts = null,
        string? subject = null)
    {
        var hash = RowHash.Compute(connection, transaction, table, id)
            ?? throw RowSealEntry.Missing(table, id);
        return RowSealEntry.Create(kind, table, id, at, hash, facts, subject);
    }

    /// <summary>Seals the row and appends the entry inside the caller's transaction.</summary>
    public static Task AppendAsync(
        SqliteConnection connection, SqliteTransaction transaction, string table, string id, DateTimeOffset at, CancellationToken cancellationToken)
        => AuditAppender.AppendInAsync(connection, transaction, [Seal(connection, transaction, RowSealed, table, id, at)], cancellationToken);
}
