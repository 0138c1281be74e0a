using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Relational.Agents;

namespace Gatehouse.Storage.Postgres.Agents;

/// <summary>Agent enrollment tokens in the PostgreSQL store's database, shared by every replica.</summary>
/// <remarks>
/// Every replica checks an agent's token against the same rows, so an agent that dials each replica is admitted by
/// each, and a revocation reaches every replica's re-check. Each change commits with its sealed audit entry.
/// </remarks>
public sealed class PostgresAgentTokenStore : RelationalAgentTokenStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public PostgresAgentTokenStore(PostgresStore store)
        : base(new PostgresRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database))
    {
    }
}
