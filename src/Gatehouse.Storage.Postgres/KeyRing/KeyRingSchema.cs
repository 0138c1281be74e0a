namespace Gatehouse.Storage.Postgres.KeyRing;

/// <summary>Schema step 11: the console's Data Protection key ring, shared by the replicas.</summary>
/// <remarks>
/// Additive: an upgraded database gains an empty table; the first replica to start creates a key (two starting together
/// may each create one, and both are kept). The content is encrypted by the console with <c>console.keyRingKey</c>.
/// </remarks>
internal static class KeyRingSchema
{
    public const int Version = 11;

    public const string Sql = """
        CREATE TABLE key_ring (
            name text PRIMARY KEY,
            content bytea NOT NULL,
            created_ticks bigint NOT NULL)
        """;
}
