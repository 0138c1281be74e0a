namespace Gatehouse.Storage.Postgres.Agents;

/// <summary>Schema step 7: enrollment tokens of network-resident agents, hashes only, sealed like API keys.</summary>
/// <remarks>The embedded store's columns in its order (its step 10), so a row hashes the same on both.</remarks>
internal static class AgentTokenSchema
{
    public const int Version = 7;

    public const string Sql = """
        CREATE TABLE agent_tokens (
            id text PRIMARY KEY,
            agent text NOT NULL,
            secret_hash bytea NOT NULL,
            created_ticks bigint NOT NULL,
            expires_ticks bigint,
            revoked_ticks bigint);
        CREATE INDEX ix_agent_tokens_agent ON agent_tokens (agent)
        """;
}
