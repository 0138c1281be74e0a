using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalWaitContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteApprovalWaitContractTests : ApprovalWaitContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
