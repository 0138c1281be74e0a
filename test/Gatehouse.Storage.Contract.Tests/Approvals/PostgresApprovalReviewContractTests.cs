using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalReviewContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresApprovalReviewContractTests : ApprovalReviewContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
