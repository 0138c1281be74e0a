using Gatehouse.Storage.Relational.Mcp;
using Gatehouse.Storage.Sqlite.Database;

namespace Gatehouse.Storage.Sqlite.Mcp;

/// <summary>Pinned MCP tool definitions in the embedded store's database file.</summary>
public sealed class SqliteMcpToolPinStore : RelationalMcpToolPinStore
{
    /// <summary>Initializes a new instance over <paramref name="store"/>'s database.</summary>
    public SqliteMcpToolPinStore(SqliteStore store)
        : base(new SqliteRelationalDatabase((store ?? throw new ArgumentNullException(nameof(store))).Database))
    {
    }
}
