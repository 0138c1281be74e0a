using System.Data.Common;
using System.Text.Json;
using Gatehouse.Storage.Keys;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Tokens;

namespace Gatehouse.Storage.Relational.Keys;

/// <summary>The <c>api_keys</c> table: key metadata and secret hashes, sealed by <c>key.created</c> and <c>key.revoked</c>,
/// which say the key's id, name, owner, groups and who made the change (<c>by</c>), never the key or its hash.</summary>
internal sealed class ApiKeyTable : HashedTokenTable<ApiKeyRecord>
{
    public static readonly ApiKeyTable Instance = new();

    private static readonly string[] ColumnNames = ["id", "name", "groups", "secret_hash", "created_ticks", "expires_ticks", "revoked_ticks", "owner"];

    private ApiKeyTable()
    {
    }

    protected override string Table => "api_keys";

    protected override IReadOnlyList<string> Columns => ColumnNames;

    protected override string NameColumn => "name";

    protected override string CreatedKind => "key.created";

    protected override string RevokedKind => "key.revoked";

    protected override string NameFact => "name";

    protected override string? RevokedFactColumn => "groups";

    protected override void Bind(DbCommand command, ApiKeyRecord record)
    {
        command.Add("@id", record.Id);
        command.Add("@name", record.Name);
        command.Add("@groups", JsonSerializer.Serialize([.. record.Groups], GroupsJsonContext.Default.StringArray));
        command.Add("@secret_hash", record.SecretHash);
        command.Add("@created_ticks", record.CreatedAt.UtcTicks);
        command.Add("@expires_ticks", record.ExpiresAt?.UtcTicks);
        command.Add("@revoked_ticks", record.RevokedAt?.UtcTicks);
        command.Add("@owner", record.Owner);
    }

    protected override ApiKeyRecord Read(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        Name = reader.GetString(1),
        Groups = JsonSerializer.Deserialize(reader.GetString(2), GroupsJsonContext.Default.StringArray) ?? [],
        SecretHash = reader.GetFieldValue<byte[]>(3),
        CreatedAt = EntryReader.FromTicks(reader.GetInt64(4)),
        ExpiresAt = reader.IsDBNull(5) ? null : EntryReader.FromTicks(reader.GetInt64(5)),
        RevokedAt = reader.IsDBNull(6) ? null : EntryReader.FromTicks(reader.GetInt64(6)),
        Owner = reader.IsDBNull(7) ? null : reader.GetString(7),
    };

    protected override (string Id, DateTimeOffset CreatedAt, string? Subject) Identify(ApiKeyRecord record) => (record.Id, record.CreatedAt, record.Owner);

    protected override void WriteCreated(Utf8JsonWriter json, ApiKeyRecord record)
    {
        json.WriteString("name", record.Name);
        json.WriteString("owner", record.Owner);
        json.WriteStartArray("groups");
        foreach (var group in record.Groups)
        {
            json.WriteStringValue(group);
        }

        json.WriteEndArray();
        if (record.ExpiresAt is { } expires)
        {
            json.WriteString("expiresAt", expires);
        }
    }
}
