using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ReviewPagingContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteReviewPagingContractTests : ReviewPagingContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
