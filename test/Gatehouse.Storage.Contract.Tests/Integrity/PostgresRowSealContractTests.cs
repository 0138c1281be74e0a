using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Integrity;

/// <summary>The <see cref="RowSealContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresRowSealContractTests : RowSealContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
