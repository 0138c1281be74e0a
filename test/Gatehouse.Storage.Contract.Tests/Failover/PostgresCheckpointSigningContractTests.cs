using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Failover;

/// <summary>The <see cref="CheckpointSigningContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresCheckpointSigningContractTests : CheckpointSigningContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
