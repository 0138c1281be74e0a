using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Failover;

/// <summary>The <see cref="CheckpointSigningContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteCheckpointSigningContractTests : CheckpointSigningContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
