using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalConcurrencyContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresApprovalConcurrencyContractTests : ApprovalConcurrencyContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
