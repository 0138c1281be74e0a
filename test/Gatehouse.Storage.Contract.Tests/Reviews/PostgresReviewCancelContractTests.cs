using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Reviews;

/// <summary>The <see cref="ReviewCancelContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresReviewCancelContractTests : ReviewCancelContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
