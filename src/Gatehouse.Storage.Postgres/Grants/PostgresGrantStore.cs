using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Relational.Grants;

namespace Gatehouse.Storage.Postgres.Grants;

/// <summary>Just-in-time access grants in the PostgreSQL store's database, shared by every replica.</summary>
/// <remarks>Changes run like approvals': one transaction that locks the grant's row and seals it into the chain.</remarks>
public sealed class PostgresGrantStore : RelationalGrantStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public PostgresGrantStore(PostgresStore store, TimeProvider timeProvider)
        : base(new PostgresRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database), timeProvider)
    {
    }
}
