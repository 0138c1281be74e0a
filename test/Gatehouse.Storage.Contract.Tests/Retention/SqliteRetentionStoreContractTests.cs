using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RetentionStoreContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteRetentionStoreContractTests : RetentionStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
