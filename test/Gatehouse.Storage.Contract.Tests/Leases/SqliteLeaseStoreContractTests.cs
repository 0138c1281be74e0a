using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Leases;

/// <summary>The <see cref="LeaseStoreContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteLeaseStoreContractTests : LeaseStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
