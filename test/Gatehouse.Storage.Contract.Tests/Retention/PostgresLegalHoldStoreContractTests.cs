using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Retention;

/// <summary>The <see cref="LegalHoldStoreContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresLegalHoldStoreContractTests : LegalHoldStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
