namespace Gatehouse.Storage.Sqlite.Agents;

/// <summary>Schema step 10: enrollment tokens of network-resident agents, hashes only, sealed like API keys.</summary>
/// <remarks>Additive and written with IF NOT EXISTS, so the step applies on top of whichever earlier version the file has.</remarks>
internal static class AgentTokenSchema
{
    public const int Version = 10;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS agent_tokens (
            id TEXT PRIMARY KEY,
            agent TEXT NOT NULL,
            secret_hash BLOB NOT NULL,
            created_ticks INTEGER NOT NULL,
            expires_ticks INTEGER,
            revoked_ticks INTEGER);
        CREATE INDEX IF NOT EXISTS ix_agent_tokens_agent ON agent_tokens (agent);
        """;
}
