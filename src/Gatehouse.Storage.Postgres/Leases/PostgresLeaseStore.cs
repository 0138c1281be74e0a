using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Relational.Leases;

namespace Gatehouse.Storage.Postgres.Leases;

/// <summary>Named leases in the PostgreSQL store's database, shared by every replica.</summary>
/// <remarks>Two replicas taking one lease at once are ordered by the row's lock; the second sees the first's holding.</remarks>
public sealed class PostgresLeaseStore : RelationalLeaseStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public PostgresLeaseStore(PostgresStore store, TimeProvider timeProvider)
        : base(new PostgresRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database), timeProvider)
    {
    }
}
