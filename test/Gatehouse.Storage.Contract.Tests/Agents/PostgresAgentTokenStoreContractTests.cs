using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Agents;

/// <summary>The agent token store contract on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresAgentTokenStoreContractTests : AgentTokenStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
