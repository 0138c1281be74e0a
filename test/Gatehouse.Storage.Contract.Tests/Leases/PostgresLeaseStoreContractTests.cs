using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Leases;

/// <summary>The <see cref="LeaseStoreContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresLeaseStoreContractTests : LeaseStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
