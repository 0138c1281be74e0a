using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Relational.KeyRing;

namespace Gatehouse.Storage.Postgres.KeyRing;

/// <summary>The console's key ring in the PostgreSQL store's database, shared by every replica.</summary>
public sealed class PostgresKeyRingStore : RelationalKeyRingStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public PostgresKeyRingStore(PostgresStore store)
        : base(
            (store ?? throw new ArgumentNullException(nameof(store))).Database.OpenConnection,
            error => PostgresFailures.IsStoreError(error) ? PostgresFailures.ToUnavailable(error) : null)
    {
    }
}
