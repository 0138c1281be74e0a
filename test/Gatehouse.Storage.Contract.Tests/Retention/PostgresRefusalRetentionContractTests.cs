using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RefusalRetentionContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresRefusalRetentionContractTests : RefusalRetentionContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
