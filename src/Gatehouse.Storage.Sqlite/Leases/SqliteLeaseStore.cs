using Gatehouse.Storage.Relational.Leases;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Leases;

/// <summary>Named leases in the embedded store's database file.</summary>
/// <remarks>One gateway process per file holds every lease trivially; the table still orders several processes on one file.</remarks>
public sealed class SqliteLeaseStore : RelationalLeaseStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteLeaseStore(SqliteStore store, TimeProvider timeProvider)
        : base(new SqliteRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database), timeProvider)
    {
    }
}
