using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RetentionStoreContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresRetentionStoreContractTests : RetentionStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
