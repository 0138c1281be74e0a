using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>The tag search contract on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresAuditTagSearchContractTests : AuditTagSearchContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
