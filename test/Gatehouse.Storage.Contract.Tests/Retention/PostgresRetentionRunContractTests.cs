using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RetentionRunContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresRetentionRunContractTests : RetentionRunContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
