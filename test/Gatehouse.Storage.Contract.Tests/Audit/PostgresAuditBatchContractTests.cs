using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>The audit batch contract on the PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresAuditBatchContractTests : AuditBatchContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
