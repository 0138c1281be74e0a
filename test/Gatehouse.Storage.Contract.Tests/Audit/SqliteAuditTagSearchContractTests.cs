using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Audit;

/// <summary>The tag search contract on the embedded provider (a SQLite file).</summary>
public sealed class SqliteAuditTagSearchContractTests : AuditTagSearchContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
