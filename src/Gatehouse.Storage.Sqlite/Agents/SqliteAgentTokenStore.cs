using Gatehouse.Storage.Relational.Agents;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Agents;

/// <summary>Agent enrollment tokens in the embedded store's database file.</summary>
/// <remarks>Shares the <see cref="SqliteStore"/>'s writer connection; each change commits with its sealed audit entry.</remarks>
public sealed class SqliteAgentTokenStore : RelationalAgentTokenStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteAgentTokenStore(SqliteStore store)
        : base(new SqliteRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database))
    {
    }
}
