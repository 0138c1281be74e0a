using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.KeyRing;

/// <summary>The <see cref="KeyRingStoreContract"/> on the PostgreSQL provider (a schema on the suite's server).</summary>
public sealed class PostgresKeyRingStoreContractTests : KeyRingStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
