using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RetentionSearchContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteRetentionSearchContractTests : RetentionSearchContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
