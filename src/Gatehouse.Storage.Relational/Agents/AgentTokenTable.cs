using System.Data.Common;
using System.Text.Json;
using Gatehouse.Storage.Agents;
using Gatehouse.Storage.Relational.Audit;
using Gatehouse.Storage.Relational.Commands;
using Gatehouse.Storage.Relational.Tokens;

namespace Gatehouse.Storage.Relational.Agents;

/// <summary>The <c>agent_tokens</c> table: enrollment token hashes, sealed by <c>agent.token.created</c> and <c>agent.token.revoked</c>.</summary>
/// <remarks>Several tokens may enroll one agent name (no unique name, unlike API keys); revoking by name revokes them all.</remarks>
internal sealed class AgentTokenTable : HashedTokenTable<AgentTokenRecord>
{
    public static readonly AgentTokenTable Instance = new();

    private static readonly string[] ColumnNames = ["id", "agent", "secret_hash", "created_ticks", "expires_ticks", "revoked_ticks"];

    private AgentTokenTable()
    {
    }

    protected override string Table => "agent_tokens";

    protected override IReadOnlyList<string> Columns => ColumnNames;

    protected override string NameColumn => "agent";

    protected override string CreatedKind => "agent.token.created";

    protected override string RevokedKind => "agent.token.revoked";

    protected override string NameFact => "agent";

    protected override void Bind(DbCommand command, AgentTokenRecord record)
    {
        command.Add("@id", record.Id);
        command.Add("@agent", record.AgentName);
        command.Add("@secret_hash", record.SecretHash);
        command.Add("@created_ticks", record.CreatedAt.UtcTicks);
        command.Add("@expires_ticks", record.ExpiresAt?.UtcTicks);
        command.Add("@revoked_ticks", record.RevokedAt?.UtcTicks);
    }

    protected override AgentTokenRecord Read(DbDataReader reader) => new()
    {
        Id = reader.GetString(0),
        AgentName = reader.GetString(1),
        SecretHash = reader.GetFieldValue<byte[]>(2),
        CreatedAt = EntryReader.FromTicks(reader.GetInt64(3)),
        ExpiresAt = reader.IsDBNull(4) ? null : EntryReader.FromTicks(reader.GetInt64(4)),
        RevokedAt = reader.IsDBNull(5) ? null : EntryReader.FromTicks(reader.GetInt64(5)),
    };

    protected override (string Id, DateTimeOffset CreatedAt, string? Subject) Identify(AgentTokenRecord record) => (record.Id, record.CreatedAt, null);

    protected override void WriteCreated(Utf8JsonWriter json, AgentTokenRecord record)
    {
        json.WriteString("agent", record.AgentName);
        if (record.ExpiresAt is { } expires)
        {
            json.WriteString("expiresAt", expires);
        }
    }
}
