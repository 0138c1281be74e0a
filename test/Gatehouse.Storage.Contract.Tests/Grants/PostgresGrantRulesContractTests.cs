using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Grants;

/// <summary>The <see cref="GrantRulesContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresGrantRulesContractTests : GrantRulesContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
