using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Export;

/// <summary>The export cursor contract on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresExportCursorStoreContractTests : ExportCursorStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
