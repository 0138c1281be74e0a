using Gatehouse.Storage.Contract.Tests.Providers;

namespace Gatehouse.Storage.Contract.Tests.Keys;

/// <summary>The API key store contract on the embedded provider (a SQLite file).</summary>
public sealed class SqliteApiKeyStoreContractTests : ApiKeyStoreContract
{
    protected override IStoreProvider CreateProvider() => new SqliteProvider();
}
