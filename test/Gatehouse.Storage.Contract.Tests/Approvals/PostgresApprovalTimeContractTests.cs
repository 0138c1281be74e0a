using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalTimeContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresApprovalTimeContractTests : ApprovalTimeContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
