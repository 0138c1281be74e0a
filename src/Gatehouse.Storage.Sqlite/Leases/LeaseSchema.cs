namespace Gatehouse.Storage.Sqlite.Leases;

/// <summary>Schema step 9: named leases with a fencing token (the PostgreSQL store's table, one to one).</summary>
/// <remarks>Additive. One process per file needs no lease, but several may open one file, and the store contract is one.</remarks>
internal static class LeaseSchema
{
    public const int Version = 9;

    public const string Sql = """
        CREATE TABLE IF NOT EXISTS leases (
            name TEXT PRIMARY KEY,
            holder TEXT NOT NULL,
            token INTEGER NOT NULL,
            expires_ticks INTEGER NOT NULL);
        """;
}
