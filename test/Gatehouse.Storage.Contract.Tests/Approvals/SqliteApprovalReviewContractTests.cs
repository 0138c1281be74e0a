using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalReviewContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteApprovalReviewContractTests : ApprovalReviewContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
