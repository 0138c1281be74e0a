namespace Gatehouse.Storage.Postgres.Leases;

/// <summary>Schema step 6: named leases with a fencing token, shared by the replicas.</summary>
/// <remarks>A writer's lease is <c>writer:{writer_id}</c>; interrupted recovery keeps the open intents of a writer whose lease is in force.</remarks>
internal static class LeaseSchema
{
    public const int Version = 6;

    public const string Sql = """
        CREATE TABLE leases (
            name text PRIMARY KEY,
            holder text NOT NULL,
            token bigint NOT NULL,
            expires_ticks bigint NOT NULL)
        """;
}
