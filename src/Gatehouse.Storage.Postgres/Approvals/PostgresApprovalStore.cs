using Gatehouse.Storage.Approvals;
using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Relational.Approvals;

namespace Gatehouse.Storage.Postgres.Approvals;

/// <summary>Approval requests in the PostgreSQL store's database, shared by every replica.</summary>
/// <remarks>
/// A review locks the request's row (<c>FOR UPDATE</c>) for its transaction, so two reviewers deciding at once on two
/// replicas are applied one after the other and only one resolves the request. Pass a
/// <see cref="PostgresApprovalNotifier"/> so that a waiter on one replica wakes when another decides.
/// </remarks>
public sealed class PostgresApprovalStore : RelationalApprovalStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database; the notifier defaults to polling.</summary>
    public PostgresApprovalStore(PostgresStore store, TimeProvider timeProvider, IApprovalNotifier? notifier = null)
        : base(new PostgresRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database), timeProvider, notifier)
    {
    }
}
