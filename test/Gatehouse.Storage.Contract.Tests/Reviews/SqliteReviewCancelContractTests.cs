using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Reviews;

/// <summary>The <see cref="ReviewCancelContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteReviewCancelContractTests : ReviewCancelContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
