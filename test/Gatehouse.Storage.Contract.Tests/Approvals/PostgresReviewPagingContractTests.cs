using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ReviewPagingContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresReviewPagingContractTests : ReviewPagingContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
