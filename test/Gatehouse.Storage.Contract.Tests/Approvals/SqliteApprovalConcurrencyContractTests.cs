using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalConcurrencyContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteApprovalConcurrencyContractTests : ApprovalConcurrencyContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
