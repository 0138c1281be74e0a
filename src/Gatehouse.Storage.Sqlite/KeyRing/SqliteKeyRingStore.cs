using Gatehouse.Storage.Relational.KeyRing;
using Gatehouse.Storage.Sqlite.Database;
using Microsoft.Data.Sqlite;

namespace Gatehouse.Storage.Sqlite.KeyRing;

/// <summary>The console's key ring in the embedded store's database file.</summary>
public sealed class SqliteKeyRingStore : RelationalKeyRingStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteKeyRingStore(SqliteStore store)
        : base(
            (store ?? throw new ArgumentNullException(nameof(store))).Database.OpenConnection,
            error => error is SqliteException sqlite ? SqliteFailures.ToUnavailable(sqlite) : null)
    {
    }
}
