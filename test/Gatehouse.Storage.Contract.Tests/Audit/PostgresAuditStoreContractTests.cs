using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>The audit store contract on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresAuditStoreContractTests : AuditStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
