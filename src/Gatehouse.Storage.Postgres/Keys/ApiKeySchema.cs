namespace Gatehouse.Storage.Postgres.Keys;

/// <summary>Schema step 2: API keys, with the embedded store's columns in its order (so a row hashes the same on both).</summary>
internal static class ApiKeySchema
{
    public const int Version = 2;

    public const string Sql = """
        CREATE TABLE api_keys (
            id text PRIMARY KEY,
            name text NOT NULL UNIQUE,
            groups text NOT NULL,
            secret_hash bytea NOT NULL,
            created_ticks bigint NOT NULL,
            expires_ticks bigint,
            revoked_ticks bigint,
            owner text)
        """;
}
