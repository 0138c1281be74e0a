using System.Text.Json;
using System.Text.Json.Serialization;
using Gatehouse.Audit.Records;
using Gatehouse.Audit.Verification;
using Gatehouse.Storage.Keys;

namespace Gatehouse.Cli;

/// <summary>The JSON the commands write with <c>--json</c>: stable, camelCase, no secrets.</summary>
internal static class CliJson
{
    public static string Exchanges(IReadOnlyList<ExchangeRecord> records, string? nextCursor)
        => JsonSerializer.Serialize(new ExchangeList(records, nextCursor), CliJsonContext.Default.ExchangeList);

    public static string Exchange(ExchangeRecord record) => JsonSerializer.Serialize(record, CliJsonContext.Default.ExchangeRecord);

    public static string Verification(AuditVerification result) => JsonSerializer.Serialize(result, CliJsonContext.Default.AuditVerification);

    /// <summary>The chain's verification with the sealed rows' check added as <c>rows</c>.</summary>
    public static string Verification(AuditVerification result, Gatehouse.Storage.Integrity.RowSealReport? rows)
    {
        var node = JsonSerializer.SerializeToNode(result, CliJsonContext.Default.AuditVerification)!.AsObject();
        if (rows is not null)
        {
            node["rows"] = JsonSerializer.SerializeToNode(rows, CliJsonContext.Default.RowSealReport);
        }

        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static string Keys(IReadOnlyList<ApiKeyRecord> keys)
        => JsonSerializer.Serialize(
            keys.Select(k => new KeyView(k.Id, k.Name, k.Groups, k.CreatedAt, k.ExpiresAt, k.RevokedAt) { Owner = k.Owner }).ToList(),
            CliJsonContext.Default.ListKeyView);
}

/// <summary>A page of search results.</summary>
internal sealed record ExchangeList(IReadOnlyList<ExchangeRecord> Exchanges, string? NextCursor);

/// <summary>An API key as listed: everything but the hash of its secret.</summary>
internal sealed record KeyView(string Id, string Name, IReadOnlyList<string> Groups, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Gets the owner's principal key; null for a key stored before owners existed.</summary>
    public string? Owner { get; init; }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ExchangeList))]
[JsonSerializable(typeof(ExchangeRecord))]
[JsonSerializable(typeof(AuditVerification))]
[JsonSerializable(typeof(Gatehouse.Storage.Integrity.RowSealReport))]
[JsonSerializable(typeof(List<KeyView>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
