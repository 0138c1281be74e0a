using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="RefusalRetentionContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteRefusalRetentionContractTests : RefusalRetentionContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
