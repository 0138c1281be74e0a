using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Mcp;

/// <summary>The <see cref="McpToolPinStoreContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresMcpToolPinStoreContractTests : McpToolPinStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
