using System.Text.Json;
using Gatehouse.Audit.Chain;
using Npgsql;

namespace Gatehouse.Storage.Postgres.Integrity;

/// <summary>
/// Seals the rows outside the log into the hash chain: every change appends, in the same transaction, an entry carrying
/// the changed row's <see cref="RowHash"/> (the embedded store's rule and payload, so an auditor reads both alike).
/// </summary>
internal static class RowSeals
{
    public const string ApiKeys = "api_keys";

    public const string KeyCreated = "key.created";
    public const string KeyRevoked = "key.revoked";

    private static readonly string[] Tables = [ApiKeys];

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
            ?? throw new InvalidOperationException($"The {table} row '{id}' to seal is not in the transaction.");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("table", table);
            json.WriteString("id", id);
            facts?.Invoke(json);
            json.WriteString("rowHash", Convert.ToHexStringLower(hash));
            json.WriteEndObject();
        }

        return new AuditEntryDraft(kind, id, at, new AuditIndex { Subject = subject }, buffer.ToArray(), null, null);
    }
}
