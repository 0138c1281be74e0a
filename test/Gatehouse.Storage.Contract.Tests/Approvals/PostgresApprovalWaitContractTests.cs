using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalWaitContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresApprovalWaitContractTests : ApprovalWaitContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
