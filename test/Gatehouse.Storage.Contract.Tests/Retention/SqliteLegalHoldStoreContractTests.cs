using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="LegalHoldStoreContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteLegalHoldStoreContractTests : LegalHoldStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
