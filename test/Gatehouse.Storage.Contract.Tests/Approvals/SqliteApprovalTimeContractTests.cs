using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Approvals;

/// <summary>The <see cref="ApprovalTimeContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteApprovalTimeContractTests : ApprovalTimeContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
