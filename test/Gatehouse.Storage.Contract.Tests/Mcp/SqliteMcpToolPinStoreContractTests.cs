using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Mcp;

/// <summary>The <see cref="McpToolPinStoreContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteMcpToolPinStoreContractTests : McpToolPinStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
