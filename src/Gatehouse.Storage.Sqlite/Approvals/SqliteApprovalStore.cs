using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Relational.Approvals;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Approvals;

/// <summary>Approval requests in the embedded store's database file.</summary>
/// <remarks>
/// Shares the <see cref="SqliteStore"/>'s writer connection and lock. Several processes may open the same file: each
/// change runs in one immediate transaction, and waiters in other processes see it at their next poll.
/// </remarks>
public sealed class SqliteApprovalStore : RelationalApprovalStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database; the notifier defaults to polling.</summary>
    public SqliteApprovalStore(SqliteStore store, TimeProvider timeProvider, IApprovalNotifier? notifier = null)
        : base(new SqliteRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database), timeProvider, notifier)
    {
    }
}
