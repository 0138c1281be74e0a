using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RetentionSearchContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresRetentionSearchContractTests : RetentionSearchContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
