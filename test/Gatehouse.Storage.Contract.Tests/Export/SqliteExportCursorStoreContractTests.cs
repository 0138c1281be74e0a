using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Export;

/// <summary>The export cursor contract on the embedded provider (a SQLite file).</summary>
public sealed class SqliteExportCursorStoreContractTests : ExportCursorStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
