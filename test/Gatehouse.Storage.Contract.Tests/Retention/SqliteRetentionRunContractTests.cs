using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RetentionRunContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteRetentionRunContractTests : RetentionRunContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
