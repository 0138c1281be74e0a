using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Failover;

/// <summary>The <see cref="InterruptedRecoveryContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresInterruptedRecoveryContractTests : InterruptedRecoveryContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
