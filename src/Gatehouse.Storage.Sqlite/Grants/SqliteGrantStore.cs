using Gatehouse.Storage.Relational.Grants;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Grants;

/// <summary>Just-in-time access grants in the embedded store's database file.</summary>
/// <remarks>Shares the <see cref="SqliteStore"/>'s writer connection and lock; changes run like approvals'.</remarks>
public sealed class SqliteGrantStore : RelationalGrantStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteGrantStore(SqliteStore store, TimeProvider timeProvider)
        : base(new SqliteRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database), timeProvider)
    {
    }
}
