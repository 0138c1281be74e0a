using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Integrity;

/// <summary>The <see cref="RowSealContract"/> on the embedded provider (a SQLite file).</summary>
public sealed class SqliteRowSealContractTests : RowSealContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
