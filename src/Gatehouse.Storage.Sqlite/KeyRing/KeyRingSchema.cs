namespace Gatehouse.Storage.Sqlite.KeyRing;

/// <summary>Schema step 13: the console's Data Protection key ring (the PostgreSQL store's table, one to one).</summary>
/// <remarks>
/// Additive: a file of an earlier version gains an empty table, so the console creates a new key at its next start
/// (sessions signed in before the upgrade, whose keys were files in <c>console-keys/</c>, sign in again once).
/// </remarks>
internal static class KeyRingSchema
{
    public const int Version = 13;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS key_ring (
            name TEXT PRIMARY KEY,
            content BLOB NOT NULL,
            created_ticks INTEGER NOT NULL);
        """;
}
