using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Agents;

/// <summary>The agent token store contract on the embedded provider (a SQLite file).</summary>
public sealed class SqliteAgentTokenStoreContractTests : AgentTokenStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
