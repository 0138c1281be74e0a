using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Failover;

/// <summary>The <see cref="InterruptedRecoveryContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteInterruptedRecoveryContractTests : InterruptedRecoveryContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
