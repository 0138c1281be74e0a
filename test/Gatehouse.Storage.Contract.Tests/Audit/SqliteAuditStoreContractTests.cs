using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>The audit store contract on the embedded provider (a SQLite file).</summary>
public sealed class SqliteAuditStoreContractTests : AuditStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
