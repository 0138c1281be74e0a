using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Grants;

/// <summary>The <see cref="GrantRulesContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteGrantRulesContractTests : GrantRulesContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
