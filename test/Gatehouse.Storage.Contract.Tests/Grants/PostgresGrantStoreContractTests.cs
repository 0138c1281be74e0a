using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Grants;

/// <summary>The <see cref="GrantStoreContract"/> on PostgreSQL (the server ./test.sh starts).</summary>
public sealed class PostgresGrantStoreContractTests : GrantStoreContract
{
    protected override IStoreProvider CreateProvider() => new PostgresProvider();
}
