using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>The audit batch contract on the embedded provider (a SQLite file).</summary>
public sealed class SqliteAuditBatchContractTests : AuditBatchContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
