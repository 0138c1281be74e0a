using Gatehouse.Storage.Postgres.Database;
using Gatehouse.Storage.Relational.Mcp;

namespace Gatehouse.Storage.Postgres.Mcp;

/// <summary>Pinned MCP tool definitions in the PostgreSQL store's database, shared by every replica.</summary>
public sealed class PostgresMcpToolPinStore : RelationalMcpToolPinStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public PostgresMcpToolPinStore(PostgresStore store)
        : base(new PostgresRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database))
    {
    }
}
