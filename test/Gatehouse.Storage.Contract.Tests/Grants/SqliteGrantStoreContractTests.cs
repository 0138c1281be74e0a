using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Grants;

/// <summary>The <see cref="GrantStoreContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteGrantStoreContractTests : GrantStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
